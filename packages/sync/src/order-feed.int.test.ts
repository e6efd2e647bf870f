import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createHarness, type Harness } from './testing/harness.ts';

// Statistics publish every 30 minutes, as WB does; the order feed shows everything at once.
let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl(), { publishIntervalMinutes: 30 });
});
afterAll(() => h.close());

type Event = { type: string; event_key: string; payload: Record<string, unknown> };

async function eventsOf(cabinetId: string, srid: string): Promise<Event[]> {
  return h.query<Event>(
    `SELECT type, event_key, payload FROM outbox_events WHERE cabinet_id = $1 AND payload->>'srid' = $2 ORDER BY id`,
    [cabinetId, srid],
  );
}

/** A cabinet past its initial sync whose feed has had its first (silent) read. */
async function readyCabinet() {
  const connected = await h.connect({ seller: { historyDays: 3, traffic: { ordersPerDay: 20 } } });
  expect(await h.sync(connected.cabinetId, { kind: 'initial' })).toEqual({ status: 'done' });
  expect(await h.feed(connected.cabinetId)).toEqual({ status: 'done' });
  return connected;
}

describe('the order feed as the first source', () => {
  it('records the first read silently, then notifies each fact once, from the feed, before statistics publish it', async () => {
    const { seller, cabinetId } = await readyCabinet();
    expect(await h.query('SELECT 1 FROM outbox_events WHERE cabinet_id = $1', [cabinetId])).toEqual([]);

    const order = await h.emulator.control.addOrder(seller.sid);
    await h.feed(cabinetId);
    await h.feed(cabinetId);
    const [created] = await eventsOf(cabinetId, order.srid);
    expect(created).toMatchObject({ type: 'new_order', event_key: `${cabinetId}:new_order:${order.srid}` });
    expect(created?.payload).toMatchObject({ v: 2, source: 'feed', nmId: order.nmId, totalPrice: null });
    expect(created?.payload.sellerPrice).toMatch(/^\d+(\.\d+)?$/);
    expect(created?.payload.supplierArticle).toEqual(expect.any(String));

    const second = await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.cancelOrder(seller.sid, order.srid);
    await h.emulator.control.buyOut(seller.sid, second.srid);
    await h.feed(cabinetId);
    await h.emulator.control.returnOrder(seller.sid, second.srid);
    await h.feed(cabinetId);
    // Statistics publish all of it half an hour later: they add the money, and no event.
    await h.emulator.control.advanceClock({ minutes: 31 });
    await h.sync(cabinetId);
    await h.feed(cabinetId);
    await h.sync(cabinetId);

    expect((await eventsOf(cabinetId, order.srid)).map((e) => e.type)).toEqual(['new_order', 'cancellation']);
    const secondEvents = await eventsOf(cabinetId, second.srid);
    expect(secondEvents.map((e) => e.type)).toEqual(['new_order', 'buyout', 'return']);
    expect(secondEvents.every((e) => e.payload.source === 'feed')).toBe(true);
    const [stored] = await h.query<{ is_cancel: boolean; finished_price: string }>(
      'SELECT is_cancel, finished_price FROM wb_orders WHERE cabinet_id = $1 AND srid = $2',
      [cabinetId, order.srid],
    );
    expect(stored).toMatchObject({ is_cancel: true });
    const sales = await h.query<{ type: string }>('SELECT type FROM wb_sales WHERE cabinet_id = $1 AND srid = $2', [
      cabinetId,
      second.srid,
    ]);
    expect(sales.map((sale) => sale.type).sort()).toEqual(['buyout', 'return']);
  });

  it('adds nothing when statistics saw the facts first', async () => {
    const { seller, cabinetId } = await readyCabinet();
    const order = await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.buyOut(seller.sid, order.srid);
    await h.emulator.control.advanceClock({ minutes: 31 });
    await h.sync(cabinetId);
    const fromStatistics = await eventsOf(cabinetId, order.srid);
    expect(fromStatistics.map((e) => [e.type, e.payload.source])).toEqual([
      ['new_order', 'statistics'],
      ['buyout', 'statistics'],
    ]);
    await h.feed(cabinetId);
    expect(await eventsOf(cabinetId, order.srid)).toEqual(fromStatistics);
  });

  it('does not call an old order new when the feed first meets it on a status change', async () => {
    const { seller, cabinetId } = await readyCabinet();
    const [old] = await h.query<{ srid: string }>(
      `SELECT srid FROM wb_orders o WHERE cabinet_id = $1 AND NOT is_cancel
         AND NOT EXISTS (SELECT 1 FROM wb_sales s WHERE s.cabinet_id = o.cabinet_id AND s.srid = o.srid)
       ORDER BY order_date LIMIT 1`,
      [cabinetId],
    );
    await h.emulator.control.cancelOrder(seller.sid, old!.srid);
    await h.feed(cabinetId);
    expect((await eventsOf(cabinetId, old!.srid)).map((e) => e.type)).toEqual(['cancellation']);
  });

  it('notifies nothing from before the first read when our clock runs ahead of WB', async () => {
    // A buyout just under the lookback (two hours) before WB's now, which the initial sync holds.
    const connected = await h.connect({ seller: { historyDays: 3, traffic: { ordersPerDay: 20 } } });
    const { cabinetId, seller } = connected;
    const wbNow = (await h.emulator.control.now()).now;
    const old = await h.emulator.control.addOrder(seller.sid, { at: wbNow - 116 * 60_000 });
    await h.emulator.control.buyOut(seller.sid, old.srid, { at: wbNow - 115 * 60_000 });
    expect(await h.sync(cabinetId, { kind: 'initial' })).toEqual({ status: 'done' });
    // Our clock ten minutes ahead: the first, silent read starts at WB's now - 110 min, after
    // the buyout; the next read must not start before it and call the buyout news.
    const offset = wbNow - Date.now() + 10 * 60_000;
    const ahead = () => new Date(Date.now() + offset);
    expect(await h.feed(cabinetId, { now: ahead })).toEqual({ status: 'done' });
    expect(await h.feed(cabinetId, { now: ahead })).toEqual({ status: 'done' });
    expect(await h.feed(cabinetId, { now: ahead })).toEqual({ status: 'done' });
    expect(await eventsOf(cabinetId, old.srid)).toEqual([]);
    // What happens from now on is still news.
    const fresh = await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.buyOut(seller.sid, fresh.srid);
    await h.feed(cabinetId, { now: ahead });
    expect((await eventsOf(cabinetId, fresh.srid)).map((e) => e.type)).toEqual(['new_order', 'buyout']);
  });

  it('leaves Base keys to statistics', async () => {
    const { cabinetId } = await h.connect({ type: 'base' });
    await h.sync(cabinetId, { kind: 'initial' });
    expect(await h.feed(cabinetId)).toMatchObject({ status: 'skipped' });
  });
});
