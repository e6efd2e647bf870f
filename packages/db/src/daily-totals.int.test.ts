import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { testDatabaseUrl } from './testing/index.ts';

// wb_daily_totals (a SQL function in the migrations) is what the dashboard's KPIs and the bot's
// «Сегодня: …» line both quote. An order only the real-time feed has reported counts at once,
// and counts once when statistics publish it.

const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
afterAll(() => pool.end());

const ZONE = 'Europe/Moscow';

async function cabinet(): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES (gen_random_uuid()::text, 'ИП Итоги', 'v1:x:y:z', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
  );
  return rows[0]!.id;
}

async function today(cabinetId: string) {
  const { rows } = await pool.query<{
    orders: number;
    orders_amount: string;
    cancellations: number;
    buyouts: number;
    buyouts_amount: string;
  }>(
    `SELECT orders, orders_amount::text, cancellations, buyouts, buyouts_amount::text
     FROM wb_daily_totals($1, (now() AT TIME ZONE $2)::date, (now() AT TIME ZONE $2)::date, $2)`,
    [cabinetId, ZONE],
  );
  return rows[0];
}

const feedRow = (cabinetId: string, srid: string, status: string) =>
  pool.query(
    `INSERT INTO wb_order_feed (cabinet_id, srid, nm_id, order_date, status, status_date, seller_price)
     VALUES ($1, $2, 1001, now() - interval '1 minute', $3, now() - interval '30 seconds', 1200)
     ON CONFLICT (cabinet_id, srid) DO UPDATE SET status = EXCLUDED.status, status_date = EXCLUDED.status_date`,
    [cabinetId, srid, status],
  );

it('counts what only the feed has reported at once, and each fact once when statistics publish it', async () => {
  const cabinetId = await cabinet();
  expect(await today(cabinetId)).toEqual({
    orders: 0,
    orders_amount: '0',
    cancellations: 0,
    buyouts: 0,
    buyouts_amount: '0',
  });

  await feedRow(cabinetId, 'srid-1', 'created');
  expect(await today(cabinetId)).toMatchObject({ orders: 1, orders_amount: '1200.00' });

  // Statistics publish the same order with its own money: still one order, statistics' figure.
  await pool.query(
    `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, warehouse_name, supplier_article, nm_id,
       barcode, tech_size, total_price, discount_percent, spp, finished_price, price_with_disc, is_cancel)
     VALUES ($1, 'srid-1', now() - interval '1 minute', now(), 'Коледино', 'A-1', 1001, 'b', 'L', 2000, 40, 5, 1140, 1199.50, false)`,
    [cabinetId],
  );
  expect(await today(cabinetId)).toMatchObject({ orders: 1, orders_amount: '1199.50' });

  // Cancelled: the feed says so before statistics; counted at once, and once. Its money stays
  // in the day's orders, as the order does in their count (WB's statistics count it so too).
  await feedRow(cabinetId, 'srid-2', 'created');
  await pool.query(
    `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, warehouse_name, supplier_article, nm_id,
       barcode, tech_size, total_price, discount_percent, spp, finished_price, price_with_disc, is_cancel)
     VALUES ($1, 'srid-2', now() - interval '1 minute', now(), 'Коледино', 'A-1', 1001, 'b', 'L', 1000, 0, 0, 900, 1000, false)`,
    [cabinetId],
  );
  expect(await today(cabinetId)).toMatchObject({ orders: 2, orders_amount: '2199.50', cancellations: 0 });
  await feedRow(cabinetId, 'srid-2', 'cancel');
  expect(await today(cabinetId)).toMatchObject({ orders: 2, orders_amount: '2199.50', cancellations: 1 });
  await pool.query(`UPDATE wb_orders SET is_cancel = true, cancel_date = now() WHERE srid = 'srid-2'`);
  expect(await today(cabinetId)).toMatchObject({ orders: 2, orders_amount: '2199.50', cancellations: 1 });

  // Bought out: the feed first, then statistics' sale of the same srid, counted once.
  await feedRow(cabinetId, 'srid-1', 'buyout');
  expect(await today(cabinetId)).toMatchObject({ buyouts: 1, buyouts_amount: '1200.00' });
  await pool.query(
    `INSERT INTO wb_sales (cabinet_id, sale_id, type, srid, sale_date, last_change_date, warehouse_name, supplier_article,
       nm_id, barcode, tech_size, total_price, discount_percent, spp, payment_sale_amount, for_pay, finished_price, price_with_disc)
     VALUES ($1, 'S-1', 'buyout', 'srid-1', now() - interval '30 seconds', now(), 'Коледино', 'A-1', 1001, 'b', 'L',
       2000, 40, 5, 0, 1000, 1140, 1199.50)`,
    [cabinetId],
  );
  expect(await today(cabinetId)).toMatchObject({ orders: 2, buyouts: 1, buyouts_amount: '1199.50' });
});
