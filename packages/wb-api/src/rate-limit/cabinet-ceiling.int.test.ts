import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { createWbClient } from '../client.ts';
import { decodeWbToken } from '../token.ts';
import type { CabinetCeiling } from './cabinet-ceiling.ts';
import { PostgresRateLimiter } from './postgres.ts';

// .env.example's own values, unscaled: WB sees the requests at least 2 s apart. A scaled-down
// interval would leave its 5% margin smaller than a busy machine's delays on the way.
const DEFAULTS: CabinetCeiling = { perMinute: 30, intervalMs: 2_000, scale: 1 };
// The ceiling alone, on a minute shrunk to 3 s (WB_RATE_LIMIT_SCALE 0.05).
const THREE_A_MINUTE: CabinetCeiling = { perMinute: 3, intervalMs: 0, scale: 0.05 };

let wb: RunningEmulator;
// One connection each: a request waiting for its turn must not keep one, or the rest starve.
const pools = [0, 1].map(() => new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 }));

beforeAll(async () => {
  wb = await startEmulator({ seed: 19, profile: 'real', rateLimitScale: 0.05, publishIntervalMinutes: 0 });
});
afterAll(async () => {
  await wb.close();
  await Promise.all(pools.map((pool) => pool.end()));
});

/** Two worker processes' clients of one new cabinet: separate pools, separate limiters. */
async function twoProcesses(ceiling: CabinetCeiling) {
  const seller = await wb.control.createSeller({ products: 3 });
  const { token } = await wb.control.createToken({ sid: seller.sid });
  const claims = decodeWbToken(token);
  const [a, b] = pools.map((pool) =>
    createWbClient({
      token,
      sellerId: claims.sellerId,
      tokenType: claims.type,
      hosts: wb.hosts,
      limiter: new PostgresRateLimiter(pool, ceiling),
      rateLimitScale: ceiling.scale,
    }),
  );
  return { sid: seller.sid, sellerId: claims.sellerId, a: a!, b: b! };
}

/** How much closer two arrivals may be than their sends: each request's own trip time. */
const ARRIVAL_JITTER_MS = 50;

/** Arrival times at the emulator, oldest first. */
async function arrivals(sid: string): Promise<number[]> {
  const { requests } = await wb.control.requests(sid);
  return requests.map((request) => request.at).sort((x, y) => x - y);
}

describe('our own ceiling per cabinet (WB_API_RATE_LIMIT, WB_API_INTERVAL)', () => {
  it('keeps WB_API_INTERVAL between any two requests, across processes, hosts and method groups', async () => {
    const { sid, a, b } = await twoProcesses(DEFAULTS);
    await Promise.all([a.hasNewFeedbacks(), a.hasNewFeedbacks(), b.sellerInfo(), b.sellerInfo()]);

    const times = await arrivals(sid);
    expect(times).toHaveLength(4);
    const closest = Math.min(...times.slice(1).map((at, i) => at - times[i]!));
    // The ceiling spaces the sends; an arrival also carries its own trip through HTTP and the
    // emulator, which on a loaded 2-core machine differs by tens of ms (17 ms seen in CI).
    // Without the ceiling the four would arrive within a few ms of each other.
    expect(closest, `two requests ${closest.toFixed(1)} ms apart`).toBeGreaterThanOrEqual(
      DEFAULTS.intervalMs - ARRIVAL_JITTER_MS,
    );
  });

  it('lets no more than WB_API_RATE_LIMIT requests into any minute, scaled like WB’s limits', async () => {
    const { sid, a, b } = await twoProcesses(THREE_A_MINUTE);
    const minuteMs = 60_000 * THREE_A_MINUTE.scale!;
    await Promise.all([
      ...Array.from({ length: 3 }, () => a.hasNewFeedbacks()),
      ...Array.from({ length: 3 }, () => b.sellerInfo()),
    ]);

    const times = await arrivals(sid);
    expect(times).toHaveLength(6);
    const busiest = Math.max(
      ...times.map((start) => times.filter((at) => at >= start && at < start + minuteMs).length),
    );
    expect(busiest, 'requests in the busiest minute').toBeLessThanOrEqual(THREE_A_MINUTE.perMinute);
  });

  it('is kept in PostgreSQL: a process started afterwards waits for the cabinet’s turn', async () => {
    const { sellerId, a } = await twoProcesses(DEFAULTS);
    await a.sellerInfo();
    const restarted = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const wait = await new PostgresRateLimiter(restarted, DEFAULTS).take(
        { sellerId, tokenType: 'personal', group: 'cards/list' },
        { intervalMs: 600, burst: 5 },
      );
      expect(wait).toBeGreaterThan(1_000);
      expect(wait).toBeLessThanOrEqual(DEFAULTS.intervalMs * 1.05);
    } finally {
      await restarted.end();
    }
  });
});
