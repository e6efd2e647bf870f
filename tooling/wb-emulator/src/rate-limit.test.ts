import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const ORDERS = '/api/v1/supplier/orders?dateFrom=2026-11-27';
const SALES = '/api/v1/supplier/sales?dateFrom=2026-11-27';

describe('rate limits (real profile, frozen clock)', () => {
  it('counts down X-Ratelimit-Remaining through the burst, then 429 with WB headers and body', async () => {
    h = await harness({ rateLimits: true });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 10; i++) remaining.push((await h.get(ORDERS)).headers.get('x-ratelimit-remaining'));
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0']);
    const limited = await h.get(ORDERS);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-retry')).toBe('60');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-reset')).toBe('600');
    expect(limited.headers.get('x-ratelimit-remaining')).toBeNull();
    const body = (await limited.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'too many requests',
      status: 429,
      statusText: 'Too Many Requests',
      origin: 's2s-api-auth-catalog',
    });
  });

  it('refills one request per interval', async () => {
    h = await harness({ rateLimits: true });
    expect((await h.get(SALES)).status).toBe(200);
    expect((await h.get(SALES)).status).toBe(429);
    await h.emulator.control.advanceClock({ ms: 30_000 });
    const half = await h.get(SALES);
    expect(half.status).toBe(429);
    expect(half.headers.get('x-ratelimit-retry')).toBe('30');
    await h.emulator.control.advanceClock({ ms: 30_000 });
    expect((await h.get(SALES)).status).toBe(200);
  });

  it('shares a bucket across tokens of the same seller and type, not across types', async () => {
    h = await harness({ rateLimits: true });
    const second = await h.tokenFor({ type: 'personal' });
    const service = await h.tokenFor({ type: 'service' });
    expect((await h.get(SALES)).status).toBe(200);
    expect((await h.get(SALES, second)).status).toBe(429);
    expect((await h.get(SALES, service)).status).toBe(200);
  });

  it('applies Base-token limits (sales: 1 per 2 h)', async () => {
    h = await harness({ rateLimits: true });
    const base = await h.tokenFor({ type: 'base' });
    expect((await h.get(SALES, base)).status).toBe(200);
    const limited = await h.get(SALES, base);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-retry')).toBe('7200');
  });

  it('limits /ping to 3 per 30 s', async () => {
    h = await harness({ rateLimits: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.get('/ping')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('rate limits (fast profile)', () => {
  it('keeps the semantics with time scaled 1000×: a minute lasts 60 ms', async () => {
    h = await harness({ rateLimits: true, profile: 'fast' });
    expect((await h.get(SALES)).status).toBe(200);
    const limited = await h.get(SALES);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-retry')).toBe('0.06');
    await h.emulator.control.advanceClock({ ms: 60 });
    expect((await h.get(SALES)).status).toBe(200);
  });
});
