import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createHarness, type Harness } from '../testing/harness.ts';

// Before the order feed, a buyout's and a return's event key named WB's saleID; now it names
// the order's srid, which both sources know. An upgraded database must notify nothing again.
const MIGRATION = fs.readFileSync(
  path.join(migrationsDir, '20261207014300_sale_events_by_srid', 'migration.sql'),
  'utf8',
);

let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl());
});
afterAll(() => h.close());

const counts = async (cabinetId: string) => ({
  events: (await h.query('SELECT 1 FROM outbox_events WHERE cabinet_id = $1', [cabinetId])).length,
  history: (await h.query('SELECT 1 FROM notification_history WHERE cabinet_id = $1', [cabinetId])).length,
});

describe('migration: buyouts and returns named by srid', () => {
  it('renames the stored events, so syncing the same facts again from either source notifies nothing', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    await h.feed(cabinetId);
    const kept = await h.emulator.control.addOrder(seller.sid);
    const returned = await h.emulator.control.addOrder(seller.sid);
    const buyout = await h.emulator.control.buyOut(seller.sid, kept.srid);
    await h.emulator.control.buyOut(seller.sid, returned.srid);
    const refund = await h.emulator.control.returnOrder(seller.sid, returned.srid);
    await h.sync(cabinetId);

    // The state an older version left: v1 payloads and saleID keys, in the outbox and the history.
    await h.query(
      `WITH old AS (
         UPDATE outbox_events SET event_key = cabinet_id::text || ':' || type::text || ':' || (payload->>'saleId'),
                                  payload = (payload - 'source') || '{"v": 1}'
         WHERE cabinet_id = $1 AND type IN ('buyout', 'return') RETURNING id, event_key
       )
       UPDATE notification_history h SET event_key = old.event_key FROM old WHERE h.outbox_event_id = old.id`,
      [cabinetId],
    );
    const keys = (
      await h.query<{ event_key: string }>('SELECT event_key FROM outbox_events WHERE cabinet_id = $1', [cabinetId])
    ).map((row) => row.event_key);
    expect(keys).toContain(`${cabinetId}:buyout:${buyout.saleID}`);
    expect(keys).toContain(`${cabinetId}:return:${refund.saleID}`);
    const before = await counts(cabinetId);
    expect(before.history).toBe(before.events);

    await h.query(MIGRATION);
    await h.query(MIGRATION);

    const renamed = await h.query<{ type: string; event_key: string; history_key: string }>(
      `SELECT o.type, o.event_key, n.event_key AS history_key FROM outbox_events o
       JOIN notification_history n ON n.outbox_event_id = o.id
       WHERE o.cabinet_id = $1 AND o.type IN ('buyout', 'return') ORDER BY o.id`,
      [cabinetId],
    );
    expect(renamed).toEqual([
      {
        type: 'buyout',
        event_key: `${cabinetId}:buyout:${kept.srid}`,
        history_key: `${cabinetId}:buyout:${kept.srid}`,
      },
      {
        type: 'buyout',
        event_key: `${cabinetId}:buyout:${returned.srid}`,
        history_key: `${cabinetId}:buyout:${returned.srid}`,
      },
      {
        type: 'return',
        event_key: `${cabinetId}:return:${returned.srid}`,
        history_key: `${cabinetId}:return:${returned.srid}`,
      },
    ]);

    // Both sources meet the same facts again as if for the first time: statistics insert the
    // sales anew, the feed sees the buyout and the return as status changes.
    await h.query('DELETE FROM wb_sales WHERE cabinet_id = $1', [cabinetId]);
    await h.query(`DELETE FROM wb_order_feed WHERE cabinet_id = $1 AND srid = ANY($2)`, [
      cabinetId,
      [kept.srid, returned.srid],
    ]);
    await h.query(`UPDATE wb_sync_watermarks SET watermark = watermark - interval '1 hour' WHERE cabinet_id = $1`, [
      cabinetId,
    ]);
    await h.sync(cabinetId);
    await h.feed(cabinetId);
    const sales = await h.query('SELECT 1 FROM wb_sales WHERE cabinet_id = $1 AND srid = ANY($2)', [
      cabinetId,
      [kept.srid, returned.srid],
    ]);
    expect(sales).toHaveLength(3);
    expect(await counts(cabinetId)).toEqual(before);
  });
});
