import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import type { SyncObservation } from './sync-cabinet.ts';
import { createHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl(), { pageLimit: 100 });
});
afterAll(() => h.close());

const count = async (table: string, cabinetId: string) =>
  Number((await h.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE cabinet_id = $1`, [cabinetId]))[0]?.n);

describe('syncCabinet', () => {
  it('runs the initial sync of a living shop: every order and sale once, progress to 100 %, then ready', async () => {
    const { seller, cabinetId } = await h.connect({ seller: { historyDays: 20, traffic: { ordersPerDay: 40 } } });
    const summary = await h.emulator.control.seller(seller.sid);
    expect(summary.counts.orders).toBeGreaterThan(300);

    expect(await h.sync(cabinetId, { kind: 'initial' })).toEqual({ status: 'done' });
    // Pages of 100 rows with the >= boundary: each order still stored exactly once.
    expect(await count('wb_orders', cabinetId)).toBe(summary.counts.orders);
    expect(await count('wb_sales', cabinetId)).toBe(summary.counts.sales);
    expect(await count('wb_products', cabinetId)).toBe(summary.products.length);
    expect(await count('wb_stocks', cabinetId)).toBeGreaterThan(0);
    const [cabinet] = await h.query<{
      status: string;
      sync_progress: { percent: number; stage: string };
      initial_sync_completed_at: Date;
    }>('SELECT status, sync_progress, initial_sync_completed_at FROM cabinets WHERE id = $1', [cabinetId]);
    expect(cabinet).toMatchObject({ status: 'ready', sync_progress: { percent: 100, stage: 'done' } });
    const logs = await h.query<{ kind: string; status: string; counts: Record<string, { inserted: number }> }>(
      'SELECT kind, status, counts FROM wb_sync_logs WHERE cabinet_id = $1',
      [cabinetId],
    );
    expect(logs).toEqual([expect.objectContaining({ kind: 'initial', status: 'success' })]);
    expect(logs[0]?.counts.orders?.inserted).toBe(summary.counts.orders);
  });

  it('finds nothing new when nothing happened, and only the new rows when something did', async () => {
    const { seller, cabinetId } = await h.connect({ seller: { historyDays: 3, traffic: { ordersPerDay: 30 } } });
    await h.sync(cabinetId, { kind: 'initial' });
    const before = await count('wb_orders', cabinetId);

    await h.sync(cabinetId);
    const [quiet] = await h.query<{ counts: Record<string, { inserted: number; changed: number }> }>(
      `SELECT counts FROM wb_sync_logs WHERE cabinet_id = $1 ORDER BY id DESC LIMIT 1`,
      [cabinetId],
    );
    expect(quiet?.counts.orders).toMatchObject({ inserted: 0, changed: 0 });
    expect(quiet?.counts.sales).toMatchObject({ inserted: 0, changed: 0 });

    const order = await h.emulator.control.addOrder(seller.sid);
    await h.sync(cabinetId);
    expect(await count('wb_orders', cabinetId)).toBe(before + 1);
    const [stored] = await h.query<{ srid: string; nm_id: number }>(
      'SELECT srid, nm_id FROM wb_orders WHERE cabinet_id = $1 AND srid = $2',
      [cabinetId, order.srid],
    );
    expect(stored).toEqual({ srid: order.srid, nm_id: order.nmId });
  });

  it('records a late cancellation on the same order, moving updated_at but not created_at', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    const order = await h.emulator.control.addOrder(seller.sid);
    await h.sync(cabinetId);
    const [first] = await h.query<{ created_at: Date; updated_at: Date; is_cancel: boolean }>(
      'SELECT created_at, updated_at, is_cancel FROM wb_orders WHERE cabinet_id = $1 AND srid = $2',
      [cabinetId, order.srid],
    );
    expect(first?.is_cancel).toBe(false);

    await h.emulator.control.cancelOrder(seller.sid, order.srid);
    await h.sync(cabinetId);
    const [second] = await h.query<{
      created_at: Date;
      updated_at: Date;
      is_cancel: boolean;
      cancel_date: Date | null;
    }>('SELECT created_at, updated_at, is_cancel, cancel_date FROM wb_orders WHERE cabinet_id = $1 AND srid = $2', [
      cabinetId,
      order.srid,
    ]);
    expect(second?.is_cancel).toBe(true);
    expect(second?.cancel_date).toBeInstanceOf(Date);
    expect(second?.created_at).toEqual(first?.created_at);
    expect(second!.updated_at.getTime()).toBeGreaterThan(first!.updated_at.getTime());
    expect(await count('wb_orders', cabinetId)).toBeGreaterThan(0);
  });

  it('stores buyouts (S) and returns (R, negative money), and money filled in later as a change', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    const order = await h.emulator.control.addOrder(seller.sid);
    const buyout = await h.emulator.control.buyOut(seller.sid, order.srid, { fillMoneyAfterMinutes: 60 });
    await h.sync(cabinetId);
    const sale = async (saleId: string) =>
      (
        await h.query<{ type: string; for_pay: string; updated_at: Date }>(
          'SELECT type, for_pay, updated_at FROM wb_sales WHERE cabinet_id = $1 AND sale_id = $2',
          [cabinetId, saleId],
        )
      )[0];
    const early = await sale(buyout.saleID);
    expect(early).toMatchObject({ type: 'buyout', for_pay: '0.00' });

    await h.emulator.control.advanceClock({ minutes: 61 });
    await h.sync(cabinetId);
    const filled = await sale(buyout.saleID);
    expect(Number(filled?.for_pay)).toBeGreaterThan(0);
    expect(filled!.updated_at.getTime()).toBeGreaterThan(early!.updated_at.getTime());

    const returned = await h.emulator.control.returnOrder(seller.sid, order.srid);
    await h.sync(cabinetId);
    const refund = await sale(returned.saleID);
    expect(refund?.type).toBe('return');
    expect(Number(refund?.for_pay)).toBeLessThan(0);
  });

  it('keeps every good row when WB sends a malformed one, and says which in the sync log', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.injectFault({ method: 'orders', kind: 'wrong-type', count: 1 });
    const before = await count('wb_orders', cabinetId);
    const observed: SyncObservation[] = [];
    expect(await h.sync(cabinetId, { observe: (event) => observed.push(event) })).toEqual({ status: 'done' });
    // The metric hook hears of it too, and of the sync's outcome.
    expect(observed).toContainEqual({ type: 'bad_rows', source: 'orders', count: 1 });
    expect(observed).toContainEqual(expect.objectContaining({ type: 'sync', kind: 'periodic', status: 'success' }));
    const [log] = await h.query<{
      skipped_rows: number;
      counts: Record<string, { skipped: number; inserted: number }>;
    }>('SELECT skipped_rows, counts FROM wb_sync_logs WHERE cabinet_id = $1 ORDER BY id DESC LIMIT 1', [cabinetId]);
    expect(log?.skipped_rows).toBe(1);
    expect(log?.counts.orders?.skipped).toBe(1);
    expect((await count('wb_orders', cabinetId)) - before).toBe(log?.counts.orders?.inserted);
  });

  it('waits out a 429 storm and loses nothing', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    const order = await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.injectFault({ method: 'orders', kind: '429', count: 3 });
    await h.emulator.control.injectFault({ method: 'sales', kind: '5xx', count: 2 });
    expect(await h.sync(cabinetId)).toEqual({ status: 'done' });
    expect(
      await h.query('SELECT srid FROM wb_orders WHERE cabinet_id = $1 AND srid = $2', [cabinetId, order.srid]),
    ).toHaveLength(1);
  });

  it('reads a Base token’s stocks from the warehouse_remains task, asking after the same task next time', async () => {
    const { cabinetId } = await h.connect({ type: 'base' });
    await h.sync(cabinetId, { kind: 'initial' });
    const [cursor] = await h.query<{ cursor: { taskId: string } | null }>(
      `SELECT cursor FROM wb_sync_watermarks WHERE cabinet_id = $1 AND source = 'stocks'`,
      [cabinetId],
    );
    expect(cursor?.cursor?.taskId).toEqual(expect.any(String));
    expect(await count('wb_stocks', cabinetId)).toBe(0);

    await h.emulator.control.advanceClock({ minutes: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // Base limits: 15 min at 1/1000
    await h.sync(cabinetId);
    expect(await count('wb_stocks', cabinetId)).toBeGreaterThan(0);
    const [stock] = await h.query<{ size_key: string; warehouse_key: string }>(
      'SELECT size_key, warehouse_key FROM wb_stocks WHERE cabinet_id = $1 LIMIT 1',
      [cabinetId],
    );
    expect(stock?.size_key).toMatch(/^size:/);
    expect(stock?.warehouse_key).toMatch(/^name:/);
    const names = await h.query<{ warehouse_name: string }>(
      'SELECT DISTINCT warehouse_name FROM wb_stocks WHERE cabinet_id = $1',
      [cabinetId],
    );
    expect(names.map((row) => row.warehouse_name).filter((name) => /^(В пути|Всего)/.test(name))).toEqual([]);
  });

  it('orders a new warehouse_remains task when WB no longer knows the one it asked after', async () => {
    const { cabinetId } = await h.connect({ type: 'base' });
    await h.sync(cabinetId, { kind: 'initial' });
    const taskOf = async () =>
      (
        await h.query<{ cursor: { taskId: string } | null }>(
          `SELECT cursor FROM wb_sync_watermarks WHERE cabinet_id = $1 AND source = 'stocks'`,
          [cabinetId],
        )
      )[0]?.cursor?.taskId;
    const dropped = await taskOf();
    // WB forgets its reports after a while (the emulator: all of them at a restart).
    h.emulator.store.tasks.clear();

    await h.emulator.control.advanceClock({ minutes: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // Base limits: 15 min at 1/1000
    await h.sync(cabinetId);
    const ordered = await taskOf();
    expect(ordered).toEqual(expect.any(String));
    expect(ordered).not.toBe(dropped);

    await h.emulator.control.advanceClock({ minutes: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await h.sync(cabinetId);
    expect(await count('wb_stocks', cabinetId)).toBeGreaterThan(0);
  });

  it('pauses a cabinet whose key was revoked and says why', async () => {
    const { token, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    await h.emulator.control.revokeToken({ id: token.id });
    expect(await h.sync(cabinetId)).toEqual({
      status: 'key_invalid',
      reason: expect.stringMatching(/^WB перестал принимать ключ/),
    });
    const [cabinet] = await h.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [cabinetId]);
    expect(cabinet?.status).toBe('key_invalid');
    expect(await h.sync(cabinetId)).toEqual({ status: 'skipped', reason: 'cabinet is key_invalid' });
  });
});
