import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness, type OrderRow } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

type FeedRow = { srid: string; status: string; createdAt: string; updatedAt: string; sellerPrice: number };
type FeedBody = { data: { orders: FeedRow[]; snapshotTime: string } };

const MINUTE = 60_000;
const period = (fromMs: number, toMs: number) => ({
  start: new Date(fromMs).toISOString(),
  end: new Date(toMs).toISOString(),
});

async function feed(body: unknown, token?: string): Promise<{ status: number; body: FeedBody }> {
  const response = await h.post('/api/analytics/v1/order-feed', body, token);
  return { status: response.status, body: (await response.json()) as FeedBody };
}

async function statisticsOrders(): Promise<OrderRow[]> {
  return (await (await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27')).json()) as OrderRow[];
}

describe('order feed', () => {
  it('shows an order and each status change at once, while statistics wait for their 30-minute cycle', async () => {
    h = await harness({ publishIntervalMinutes: 30 });
    await h.emulator.control.advanceClock({ minutes: 1 });
    const order = await h.emulator.control.addOrder(h.seller.sid);
    const now = async () => (await h.emulator.control.now()).now;
    const window = async () => ({ selectedPeriod: period(T0, await now()) });

    const placed = (await feed(await window())).body.data.orders.find((row) => row.srid === order.srid);
    expect(placed).toMatchObject({ status: 'created' });
    expect((await statisticsOrders()).some((row) => row.srid === order.srid)).toBe(false);

    await h.emulator.control.advanceClock({ minutes: 2 });
    await h.emulator.control.cancelOrder(h.seller.sid, order.srid);
    const cancelled = (await feed(await window())).body.data.orders.find((row) => row.srid === order.srid);
    expect(cancelled).toMatchObject({ status: 'cancel' });
    expect(Date.parse(cancelled!.updatedAt)).toBe(await now());

    await h.emulator.control.advanceClock({ minutes: 30 });
    const published = (await statisticsOrders()).find((row) => row.srid === order.srid);
    expect(published).toMatchObject({ isCancel: true });
  });

  it('pages newest first, every page as of the first page’s snapshotTime', async () => {
    h = await harness();
    const srids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await h.emulator.control.advanceClock({ minutes: 1 });
      srids.push((await h.emulator.control.addOrder(h.seller.sid)).srid);
    }
    const selectedPeriod = period(T0, (await h.emulator.control.now()).now + MINUTE);
    const first = await feed({ selectedPeriod, pagination: { limit: 2, offset: 0 } });
    const snapshotTime = first.body.data.snapshotTime;
    // An order placed after the snapshot changes nothing in the rest of this read.
    await h.emulator.control.advanceClock({ minutes: 1 });
    await h.emulator.control.addOrder(h.seller.sid);
    const second = await feed({ selectedPeriod, pagination: { limit: 2, offset: 2, snapshotTime } });
    const third = await feed({ selectedPeriod, pagination: { limit: 2, offset: 4, snapshotTime } });
    const read = [first, second, third].flatMap((page) => page.body.data.orders.map((row) => row.srid));
    expect(read).toEqual([...srids].reverse());
    expect(third.body.data.orders).toHaveLength(1);
  });

  it('allows one request a minute to Personal keys and one in 3 hours to Base keys', async () => {
    h = await harness({ rateLimits: true });
    const body = async () => {
      const now = (await h.emulator.control.now()).now;
      return { selectedPeriod: period(now - MINUTE, now) };
    };
    expect((await feed(await body())).status).toBe(200);
    expect((await feed(await body())).status).toBe(429);
    await h.emulator.control.advanceClock({ minutes: 1 });
    expect((await feed(await body())).status).toBe(200);

    const base = await h.tokenFor({ type: 'base', categories: ['analytics'] });
    expect((await feed(await body(), base)).status).toBe(200);
    await h.emulator.control.advanceClock({ hours: 1 });
    expect((await feed(await body(), base)).status).toBe(429);
    await h.emulator.control.advanceClock({ hours: 2 });
    expect((await feed(await body(), base)).status).toBe(200);
  });
});
