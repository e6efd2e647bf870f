import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  // A frozen clock keeps the shop still while it is read, so counts can be compared exactly;
  // the emulator's rate limits run on that clock, so they are off here (tested elsewhere).
  h = await createHarness(testDatabaseUrl(), { pageLimit: 20_000, seed: 50, frozenClock: true, rateLimits: false });
});
afterAll(() => h.close());

it('loads a 50,000-order seller in its initial sync, each order once, across 20,000-row pages', async () => {
  const { seller, cabinetId } = await h.connect({
    seller: { historyDays: 29, products: 40, traffic: { ordersPerDay: 1_750 } },
  });
  const summary = await h.emulator.control.seller(seller.sid);
  expect(summary.counts.orders).toBeGreaterThanOrEqual(50_000);

  const started = performance.now();
  expect(await h.sync(cabinetId, { kind: 'initial' })).toEqual({ status: 'done' });
  const seconds = (performance.now() - started) / 1000;

  const [orders] = await h.query<{ n: string; distinct: string }>(
    'SELECT count(*) AS n, count(DISTINCT srid) AS distinct FROM wb_orders WHERE cabinet_id = $1',
    [cabinetId],
  );
  expect(Number(orders?.n)).toBe(summary.counts.orders);
  expect(Number(orders?.distinct)).toBe(summary.counts.orders);
  const [sales] = await h.query<{ n: string }>('SELECT count(*) AS n FROM wb_sales WHERE cabinet_id = $1', [cabinetId]);
  expect(Number(sales?.n)).toBe(summary.counts.sales);
  // Generous: the benchmark measures speed; this only catches a pathological slowdown.
  expect(seconds).toBeLessThan(120);
});
