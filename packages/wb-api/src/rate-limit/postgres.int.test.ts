import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { PostgresRateLimiter } from './postgres.ts';

const pools = [
  new pg.Pool({ connectionString: testDatabaseUrl() }),
  new pg.Pool({ connectionString: testDatabaseUrl() }),
];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

describe('PostgresRateLimiter', () => {
  const key = { sellerId: 'seller-1', tokenType: 'personal' as const, group: 'supplier/orders' as const };
  const spec = { intervalMs: 60_000, burst: 10 };

  it('lets two processes together spend one bucket: burst, then one per interval', async () => {
    const [a, b] = pools.map((pool) => new PostgresRateLimiter(pool)) as [PostgresRateLimiter, PostgresRateLimiter];
    const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).take(key, spec)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
    for (const wait of waits.filter((wait) => wait > 0)) {
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
  });

  it('refills with time and honours a block from a 429 for every process', async () => {
    const limiter = new PostgresRateLimiter(pools[0] as pg.Pool);
    const other = new PostgresRateLimiter(pools[1] as pg.Pool);
    const fast = { ...key, group: 'feedbacks' as const };
    // Long enough that two takes in a row fall inside one interval even on a loaded machine;
    // the refill is then awaited for exactly the wait the limiter named.
    const fastSpec = { intervalMs: 1_500, burst: 1 };
    expect(await limiter.take(fast, fastSpec)).toBe(0);
    const refill = await limiter.take(fast, fastSpec);
    expect(refill).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, refill + 20));
    expect(await other.take(fast, fastSpec)).toBe(0);

    await limiter.block(fast, 5_000);
    const wait = await other.take(fast, fastSpec);
    expect(wait).toBeGreaterThan(4_000);
    expect(wait).toBeLessThanOrEqual(5_000);
  });
});
