import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness, type OrderRow, type SaleRow } from '../testing/harness.ts';
import type { StartOptions } from '../index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
let h: Harness;
afterEach(() => h.emulator.close());

async function setup(options: StartOptions = {}) {
  h = await harness(options);
  return h;
}

const orders = async (query: string): Promise<OrderRow[]> =>
  (await (await h.get(`/api/v1/supplier/orders?${query}`)).json()) as OrderRow[];
const sales = async (query: string): Promise<SaleRow[]> =>
  (await (await h.get(`/api/v1/supplier/sales?${query}`)).json()) as SaleRow[];

describe('statistics orders', () => {
  it('returns a bare array of rows in Moscow time without offset, sorted by lastChangeDate', async () => {
    await setup();
    const sid = h.seller.sid;
    await h.emulator.control.addOrder(sid, { at: T0 - 2 * HOUR + 500 });
    await h.emulator.control.addOrder(sid, { at: T0 - HOUR });
    const rows = await orders('dateFrom=2026-11-27');
    expect(rows).toHaveLength(2);
    // T0 - 2 h + 0.5 s is 13:00:00.5 in Moscow.
    expect(rows[0]?.date).toBe('2026-11-27T13:00:00.5');
    expect(rows[1]?.date).toBe('2026-11-27T14:00:00');
    expect(rows[0]?.cancelDate).toBe('0001-01-01T00:00:00');
    expect(rows[0]?.isCancel).toBe(false);
    expect(['Склад WB', 'Склад продавца']).toContain(rows[0]?.warehouseType);
  });

  it('uses >= on dateFrom so the boundary row comes back on the next page', async () => {
    await setup({ pageLimit: 2 });
    for (let i = 0; i < 3; i++) await h.emulator.control.addOrder(h.seller.sid, { at: T0 - (3 - i) * MIN + 123 });
    const first = await orders('dateFrom=2026-11-27T00:00:00');
    expect(first).toHaveLength(2);
    const last = first[1] as OrderRow;
    const second = await orders(`dateFrom=${last.lastChangeDate}`);
    expect(second[0]?.srid).toBe(last.srid);
    expect(second).toHaveLength(2);
    const third = await orders(`dateFrom=${second[1]?.lastChangeDate}`);
    expect(third).toHaveLength(1);
    expect(third[0]?.srid).toBe(second[1]?.srid);
  });

  it('caps a page at the page limit and continues from the last lastChangeDate until []', async () => {
    await setup({ pageLimit: 5 });
    for (let i = 0; i < 12; i++) await h.emulator.control.addOrder(h.seller.sid, { at: T0 - (12 - i) * MIN });
    const seen = new Set<string>();
    let dateFrom = '2026-11-01';
    let pages = 0;
    for (;;) {
      const page = await orders(`dateFrom=${dateFrom}`);
      pages++;
      page.forEach((r) => seen.add(r.srid));
      if (page.length < 5) break;
      dateFrom = (page[page.length - 1] as OrderRow).lastChangeDate;
    }
    expect(seen.size).toBe(12);
    expect(pages).toBe(3);
    expect(await orders(`dateFrom=2026-11-27T15:00:00.001`)).toEqual([]);
  });

  it('flag=1 returns every order dated that day whatever the time part, flag=0 by lastChangeDate', async () => {
    await setup();
    const sid = h.seller.sid;
    const yesterday = await h.emulator.control.addOrder(sid, { at: T0 - 20 * HOUR });
    await h.emulator.control.addOrder(sid, { at: T0 - HOUR });
    await h.emulator.control.cancelOrder(sid, yesterday.srid, { at: T0 - 30 * MIN });
    const flag1 = await orders('dateFrom=2026-11-26T23:59:00&flag=1');
    expect(flag1.map((r) => r.srid)).toEqual([yesterday.srid]);
    expect(flag1[0]?.isCancel).toBe(true);
    const flag0 = await orders('dateFrom=2026-11-27T14:00:00&flag=0');
    expect(flag0.map((r) => r.srid).sort()).toHaveLength(2);
  });

  it('reports a late cancellation as the same srid with isCancel, cancelDate and a newer lastChangeDate', async () => {
    await setup();
    const order = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 5 * HOUR });
    const before = await orders('dateFrom=2026-11-27');
    await h.emulator.control.cancelOrder(h.seller.sid, order.srid, { at: T0 - HOUR });
    const after = await orders(`dateFrom=${before[0]?.lastChangeDate}`);
    expect(after).toHaveLength(1);
    expect(after[0]?.srid).toBe(order.srid);
    expect(after[0]?.isCancel).toBe(true);
    expect(after[0]?.cancelDate).toBe('2026-11-27T14:00:00');
    expect(after[0]?.lastChangeDate).toBe('2026-11-27T14:00:00');
    expect(after[0]?.date).toBe(before[0]?.date);
    // Only the newest version of a row is served: nothing changed after the cancellation.
    expect(await orders('dateFrom=2026-11-27T14:00:00.001')).toEqual([]);
  });

  it('keeps 90 days: older orders are gone', async () => {
    await setup();
    await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 91 * 24 * HOUR });
    await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 89 * 24 * HOUR });
    const rows = await orders('dateFrom=2026-01-01');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.date.startsWith('2026-08-30')).toBe(true);
  });

  it('publishes in 30-minute batches: a change shows only after the next boundary', async () => {
    await setup({ publishIntervalMinutes: 30 });
    await h.emulator.control.advanceClock({ minutes: 10 });
    await h.emulator.control.addOrder(h.seller.sid);
    expect(await orders('dateFrom=2026-11-27')).toEqual([]);
    await h.emulator.control.advanceClock({ minutes: 20 });
    expect(await orders('dateFrom=2026-11-27')).toHaveLength(1);
  });

  it('shows the published version while a newer change waits for its batch', async () => {
    await setup({ publishIntervalMinutes: 30 });
    const order = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 40 * MIN });
    await h.emulator.control.advanceClock({ minutes: 5 });
    await h.emulator.control.cancelOrder(h.seller.sid, order.srid);
    const rows = await orders('dateFrom=2026-11-27');
    expect(rows[0]?.isCancel).toBe(false);
    await h.emulator.control.advanceClock({ minutes: 30 });
    expect((await orders('dateFrom=2026-11-27'))[0]?.isCancel).toBe(true);
  });

  it('answers 400 with statistics-style bodies', async () => {
    await setup();
    const missing = await h.get('/api/v1/supplier/orders');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ errors: ['dateFrom: field required'] });
    const bad = await h.get('/api/v1/supplier/sales?dateFrom=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: 'dateFrom: Value not validated' });
  });

  it('answers 404 for the removed supplier/stocks', async () => {
    await setup();
    expect((await h.get('/api/v1/supplier/stocks?dateFrom=2026-11-01')).status).toBe(404);
  });
});

describe('statistics sales', () => {
  it('writes a buyout as S, a return as R with negative money, same srid', async () => {
    await setup();
    const order = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 10 * HOUR });
    const sale = await h.emulator.control.buyOut(h.seller.sid, order.srid, { at: T0 - 5 * HOUR });
    const ret = await h.emulator.control.returnOrder(h.seller.sid, order.srid, { at: T0 - HOUR });
    const rows = await sales('dateFrom=2026-11-27');
    expect(rows.map((r) => r.saleID)).toEqual([sale.saleID, ret.saleID]);
    expect(rows[0]?.saleID.startsWith('S')).toBe(true);
    expect(rows[1]?.saleID.startsWith('R')).toBe(true);
    expect(rows.every((r) => r.srid === order.srid)).toBe(true);
    expect(rows[0]?.forPay).toBeGreaterThan(0);
    expect(rows[1]?.forPay).toBeLessThan(0);
    expect(rows[1]?.priceWithDisc).toBeLessThan(0);
    expect(rows[1]?.finishedPrice).toBeLessThan(0);
  });

  it('reads money as 0 first, then the row changes with the money filled', async () => {
    await setup();
    const order = await h.emulator.control.addOrder(h.seller.sid, { at: T0 - 10 * HOUR });
    await h.emulator.control.buyOut(h.seller.sid, order.srid, { fillMoneyAfterMinutes: 120 });
    const first = await sales('dateFrom=2026-11-27');
    expect(first).toHaveLength(1);
    expect([first[0]?.forPay, first[0]?.finishedPrice, first[0]?.priceWithDisc]).toEqual([0, 0, 0]);
    await h.emulator.control.advanceClock({ minutes: 120 });
    const second = await sales(`dateFrom=${first[0]?.lastChangeDate}`);
    expect(second).toHaveLength(1);
    expect(second[0]?.saleID).toBe(first[0]?.saleID);
    expect((second[0]?.lastChangeDate ?? '') > (first[0]?.lastChangeDate ?? '')).toBe(true);
    expect(second[0]?.forPay).toBeGreaterThan(0);
  });

  it('refuses to cancel a bought-out order through the control API', async () => {
    await setup();
    const order = await h.emulator.control.addOrder(h.seller.sid);
    await h.emulator.control.buyOut(h.seller.sid, order.srid);
    await expect(h.emulator.control.cancelOrder(h.seller.sid, order.srid)).rejects.toThrow(/already closed/);
  });
});
