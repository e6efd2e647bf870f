import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const ORDERS = '/api/v1/supplier/orders?dateFrom=2026-11-27';

async function withOrder() {
  h = await harness();
  await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 60_000 });
}

describe('injected faults', () => {
  it('429: the next N responses are rate-limited, then normal service resumes', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: '429', count: 2 });
    const first = await h.get(ORDERS);
    expect(first.status).toBe(429);
    expect(first.headers.get('x-ratelimit-retry')).toBe('60');
    expect((await first.json()) as object).toMatchObject({ title: 'too many requests', status: 429 });
    expect((await h.get(ORDERS)).status).toBe(429);
    expect((await h.get(ORDERS)).status).toBe(200);
  });

  it('5xx with the requested status, only for the targeted method', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: '5xx', status: 503 });
    expect((await h.get('/api/v1/supplier/sales?dateFrom=2026-11-27')).status).toBe(200);
    expect((await h.get(ORDERS)).status).toBe(503);
    expect((await h.get(ORDERS)).status).toBe(200);
  });

  it('hang: the response never comes (the client must time out)', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: 'hang' });
    await expect(
      fetch(`${h.emulator.url}${ORDERS}`, { headers: { Authorization: h.token }, signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow(/timeout|abort/i);
  });

  it('malformed-json: 200 with a body that does not parse', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: 'malformed-json' });
    const response = await h.get(ORDERS);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('truncated: the connection drops before the promised Content-Length', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: 'truncated' });
    const response = await h.get(ORDERS);
    await expect(response.text()).rejects.toThrow();
  });

  it('wrong-type: the first row carries a field of the wrong type', async () => {
    await withOrder();
    await h.emulator.control.injectFault({ method: 'orders', kind: 'wrong-type' });
    const rows = (await (await h.get(ORDERS)).json()) as Record<string, unknown>[];
    expect(typeof rows[0]?.nmId).toBe('string');
    const clean = (await (await h.get(ORDERS)).json()) as Record<string, unknown>[];
    expect(typeof clean[0]?.nmId).toBe('number');
  });

  it('rejects unknown fault kinds', async () => {
    h = await harness();
    await expect(h.emulator.control.injectFault({ method: 'orders', kind: 'boom' as never })).rejects.toThrow(
      /kind must be/,
    );
  });
});
