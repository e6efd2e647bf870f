import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

type StockItem = {
  nmId: number;
  chrtId: number;
  warehouseId: number;
  warehouseName: string;
  regionName: string;
  quantity: number;
  inWayToClient: number;
  inWayFromClient: number;
};

async function stockOf(chrtId: number, warehouseId: number): Promise<StockItem | undefined> {
  const body = (await (await h.post('/api/analytics/v1/stocks-report/wb-warehouses', {})).json()) as {
    data: { items: StockItem[] };
  };
  return body.data.items.find((i) => i.chrtId === chrtId && i.warehouseId === warehouseId);
}

describe('stocks-report/wb-warehouses', () => {
  it('moves stock with orders, cancellations and transfers; lists only WB warehouses', async () => {
    h = await harness();
    const size = h.seller.products[0]?.sizes[0];
    const [from, to] = h.seller.warehouses.filter((w) => w.kind === 'wb');
    if (!size || !from || !to) throw new Error('seller without a size or two WB warehouses');
    expect(await stockOf(size.chrtId, from.id)).toMatchObject({
      quantity: 20,
      inWayToClient: 0,
      warehouseName: from.name,
      regionName: from.region,
    });
    const order = await h.emulator.control.addOrder(h.seller.sid, { chrtId: size.chrtId, warehouseId: from.id });
    expect(await stockOf(size.chrtId, from.id)).toMatchObject({ quantity: 19, inWayToClient: 1 });
    await h.emulator.control.cancelOrder(h.seller.sid, order.srid);
    expect(await stockOf(size.chrtId, from.id)).toMatchObject({ quantity: 20, inWayToClient: 0 });
    expect(
      (
        await h.emulator.control.transferStock(h.seller.sid, {
          chrtId: size.chrtId,
          fromWarehouseId: from.id,
          toWarehouseId: to.id,
          quantity: 5,
        })
      ).moved,
    ).toBe(5);
    expect((await stockOf(size.chrtId, from.id))?.quantity).toBe(15);
    expect((await stockOf(size.chrtId, to.id))?.quantity).toBe(25);
    const sellerWarehouse = h.seller.warehouses.find((w) => w.kind === 'seller');
    expect(await stockOf(size.chrtId, sellerWarehouse?.id ?? 0)).toBeUndefined();
  });

  it('pages with limit/offset and rejects limit above 250000', async () => {
    h = await harness();
    const all = (await (await h.post('/api/analytics/v1/stocks-report/wb-warehouses', {})).json()) as {
      data: { items: StockItem[] };
    };
    const page = (await (
      await h.post('/api/analytics/v1/stocks-report/wb-warehouses', { limit: 2, offset: 1 })
    ).json()) as { data: { items: StockItem[] } };
    expect(page.data.items).toEqual(all.data.items.slice(1, 3));
    const bad = await h.post('/api/analytics/v1/stocks-report/wb-warehouses', { limit: 250_001 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      title: expect.any(String),
      detail: expect.any(String),
      requestId: expect.any(String),
      origin: 'analytic-open-api',
    });
  });
});

describe('warehouse_remains', () => {
  it('runs a task new → processing → done, then downloads rows with pseudo-warehouses', async () => {
    h = await harness({ reportReadyMinutes: 2 });
    const base = await h.tokenFor({ type: 'base' });
    const created = (await (await h.get('/api/v1/warehouse_remains?groupByNm=true', base)).json()) as {
      data: { taskId: string };
    };
    const taskId = created.data.taskId;
    const status = async () =>
      (
        (await (await h.get(`/api/v1/warehouse_remains/tasks/${taskId}/status`, base)).json()) as {
          data: { status: string };
        }
      ).data.status;
    expect(await status()).toBe('new');
    expect((await h.get(`/api/v1/warehouse_remains/tasks/${taskId}/download`, base)).status).toBe(400);
    await h.emulator.control.advanceClock({ minutes: 1 });
    expect(await status()).toBe('processing');
    await h.emulator.control.advanceClock({ minutes: 1 });
    expect(await status()).toBe('done');
    const rows = (await (await h.get(`/api/v1/warehouse_remains/tasks/${taskId}/download`, base)).json()) as {
      warehouses: { warehouseName: string; quantity: number }[];
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.warehouses.map((w) => w.warehouseName)).toContain('Всего находится на складах');
  });

  it('answers 404 for an unknown task and 400 for a malformed id', async () => {
    h = await harness();
    const unknown = await h.get('/api/v1/warehouse_remains/tasks/06e06887-9d9f-491f-b16a-bb1766fcb8d2/status');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ detail: 'not found', title: 'Not Found', origin: 'api-statistics' });
    expect((await h.get('/api/v1/warehouse_remains/tasks/nope/status')).status).toBe(400);
  });
});

describe('order-feed', () => {
  const period = { start: '2026-11-27T00:00:00+03:00', end: '2026-11-27T23:59:59+03:00' };
  type Feed = {
    data: {
      snapshotTime: string;
      total: number;
      orders: { srid: string; status: string; createdAt: string; updatedAt: string }[];
    };
  };

  it('reports statuses in real time with RFC3339 times', async () => {
    h = await harness({ publishIntervalMinutes: 30 });
    const a = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 3_600_000 });
    const b = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 3_000_000 });
    await h.emulator.control.cancelOrder(h.seller.sid, a.srid);
    await h.emulator.control.buyOut(h.seller.sid, b.srid);
    const feed = (await (
      await h.post('/api/analytics/v1/order-feed', { selectedPeriod: period, pagination: { limit: 10 } })
    ).json()) as Feed;
    const bySrid = Object.fromEntries(feed.data.orders.map((o) => [o.srid, o.status]));
    expect(bySrid).toEqual({ [a.srid]: 'cancel', [b.srid]: 'buyout' });
    expect(feed.data.orders.find((o) => o.srid === a.srid)?.createdAt).toMatch(/^2026-11-27T14:00:00\+03:00$/);
  });

  it('keeps pages stable with the first page’s snapshotTime', async () => {
    h = await harness();
    for (let i = 0; i < 3; i++) await h.emulator.control.addOrder(h.seller.sid, { at: T0 - (10 - i) * 60_000 });
    const first = (await (
      await h.post('/api/analytics/v1/order-feed', { selectedPeriod: period, pagination: { limit: 2, offset: 0 } })
    ).json()) as Feed;
    await h.emulator.control.advanceClock({ minutes: 1 });
    await h.emulator.control.addOrder(h.seller.sid);
    const second = (await (
      await h.post('/api/analytics/v1/order-feed', {
        selectedPeriod: period,
        pagination: { limit: 2, offset: 2, snapshotTime: first.data.snapshotTime },
      })
    ).json()) as Feed;
    expect(first.data.total).toBe(3);
    expect(second.data.total).toBe(3);
    expect(second.data.orders).toHaveLength(1);
    const fresh = (await (
      await h.post('/api/analytics/v1/order-feed', { selectedPeriod: period, pagination: { limit: 10 } })
    ).json()) as Feed;
    expect(fresh.data.total).toBe(4);
  });

  it('rejects a period older than 31 days and a limit above 10000', async () => {
    h = await harness();
    expect(
      (
        await h.post('/api/analytics/v1/order-feed', {
          selectedPeriod: { start: '2026-10-01T00:00:00Z', end: '2026-11-27T00:00:00Z' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await h.post('/api/analytics/v1/order-feed', { selectedPeriod: period, pagination: { limit: 10_001 } })).status,
    ).toBe(400);
  });
});
