// node bench/morning-summary.ts
// Target (issue #22): the morning summaries of 1,000 cabinets with 30 days of history each,
// computed and queued (outbox + notification_history) within 30 s, quoting the database time
// per cabinet. Every user is due at 09:00 Moscow at once; WORKERS callers of the worker's own
// sendDueSummaries share them through SKIP LOCKED, as worker processes would.
import os from 'node:os';
import pg from 'pg';
import {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from '@wb-assist/db/testing';
import { sendDueSummaries } from '@wb-assist/sync';

const CABINETS = 1_000;
const DAYS = 30;
const ORDERS_A_DAY = 15;
const PRODUCTS = 20;
const WORKERS = 4;
/** 09:00 in Moscow. */
const AT = new Date('2026-12-07T06:00:00Z');

const server = await startTestServer();
const template = await createTemplateDatabase(server.adminUrl);
const dbName = uniqueDatabaseName('wb_bench_summary');
const url = await createDatabase(server.adminUrl, dbName, template);
const pool = new pg.Pool({ connectionString: url, max: WORKERS + 2 });

const seeding = performance.now();
await pool.query(
  `WITH u AS (
     INSERT INTO users (telegram_id, next_summary_at) SELECT 20000 + i, $1 FROM generate_series(1, $2) i RETURNING id, telegram_id
   ), c AS (
     INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     SELECT 'bench-' || u.telegram_id, 'Кабинет ' || u.telegram_id, 'v1:x:y:z', 'f' || u.telegram_id, 'personal', 0, $1::timestamptz + interval '90 days', 'ready'
     FROM u RETURNING id, seller_id
   )
   INSERT INTO cabinet_users (cabinet_id, user_id)
   SELECT c.id, u.id FROM c JOIN u ON c.seller_id = 'bench-' || u.telegram_id`,
  [AT, CABINETS],
);
await pool.query(
  `INSERT INTO wb_products (cabinet_id, nm_id, vendor_code, title)
   SELECT c.id, 1000 + p, 'ART-' || p, 'Товар ' || p FROM cabinets c, generate_series(1, $1) p`,
  [PRODUCTS],
);
// Orders through the last DAYS days: every 20th cancelled an hour later.
await pool.query(
  `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, warehouse_name, supplier_article, nm_id, barcode,
                          tech_size, total_price, discount_percent, spp, finished_price, price_with_disc, is_cancel, cancel_date)
   SELECT c.id, c.id || ':' || n, o.at, o.at, 'Коледино', 'ART-' || (n % $2::int + 1), 1000 + n % $2::int + 1, 'b' || n,
          CASE WHEN n % 2 = 0 THEN 'M' ELSE 'L' END, 2500, 30, 0, 1750, 1750 + n % 7 * 100, n % 20 = 0,
          CASE WHEN n % 20 = 0 THEN o.at + interval '1 hour' END
   FROM cabinets c, generate_series(0, $3::int * $4::int - 1) n,
        LATERAL (SELECT $1::timestamptz - make_interval(days => n / $4::int + 1) + make_interval(mins => (n % $4::int) * 60) AS at) o`,
  [AT, PRODUCTS, DAYS, ORDERS_A_DAY],
);
// A third of the orders bought out a day later, every 37th returned two days later.
await pool.query(
  `INSERT INTO wb_sales (cabinet_id, sale_id, type, srid, sale_date, last_change_date, warehouse_name, supplier_article, nm_id,
                         barcode, tech_size, total_price, discount_percent, spp, payment_sale_amount, for_pay, finished_price, price_with_disc)
   SELECT o.cabinet_id, CASE WHEN k = 'buyout' THEN 'S' ELSE 'R' END || o.id, k::sale_type, o.srid,
          o.order_date + CASE WHEN k = 'buyout' THEN interval '1 day' ELSE interval '2 days' END,
          o.order_date, o.warehouse_name, o.supplier_article, o.nm_id, o.barcode, o.tech_size, 2500, 30, 0, 0, 1500, 1750,
          CASE WHEN k = 'buyout' THEN o.price_with_disc ELSE -o.price_with_disc END
   FROM wb_orders o CROSS JOIN LATERAL (VALUES ('buyout'), ('return')) v(k)
   WHERE NOT o.is_cancel AND ((k = 'buyout' AND o.id % 3 = 0) OR (k = 'return' AND o.id % 37 = 0))`,
);
// Two sizes in two warehouses per product: some at critical stock, some running out.
await pool.query(
  `INSERT INTO wb_stocks (cabinet_id, nm_id, size_key, warehouse_key, warehouse_name, tech_size, quantity)
   SELECT c.id, 1000 + p, 'size:' || s, 'w' || w, 'Склад ' || w, s, (p * 3 + w) % 25
   FROM cabinets c, generate_series(1, $1) p, unnest(ARRAY['M', 'L']) s, generate_series(1, 2) w`,
  [PRODUCTS],
);
await pool.query(
  `INSERT INTO wb_reviews (cabinet_id, review_id, nm_id, rating, created_date, is_answered)
   SELECT c.id, c.id || ':' || r, 1000 + r % $2::int + 1, r % 5 + 1, $1::timestamptz - make_interval(days => r % $3::int), r % 4 <> 0
   FROM cabinets c, generate_series(1, 40) r`,
  [AT, PRODUCTS, DAYS],
);
await pool.query('ANALYZE');
const counts = await pool.query<{ orders: number; sales: number; stocks: number }>(
  `SELECT (SELECT count(*) FROM wb_orders)::int AS orders, (SELECT count(*) FROM wb_sales)::int AS sales,
          (SELECT count(*) FROM wb_stocks)::int AS stocks`,
);
const seeded = performance.now() - seeding;

// Every statement's round trip, summed: the database time (plus a local round trip) the
// summaries cost.
let databaseMs = 0;
let statements = 0;
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await query(...args);
    } finally {
      databaseMs += performance.now() - started;
      statements += 1;
    }
  };
});

const started = performance.now();
const handled = await Promise.all(
  Array.from({ length: WORKERS }, () =>
    sendDueSummaries({ pool, now: AT, webUrl: 'https://dash.example', limit: CABINETS }),
  ),
);
const elapsed = performance.now() - started;
const queued = await pool.query<{ outbox: number; history: number }>(
  `SELECT (SELECT count(*) FROM outbox_events WHERE type = 'morning_summary')::int AS outbox,
          (SELECT count(*) FROM notification_history WHERE type = 'morning_summary')::int AS history`,
);

const { orders, sales, stocks } = counts.rows[0]!;
const { outbox, history } = queued.rows[0]!;
console.log(`machine: ${os.cpus().length} cores; PostgreSQL at ${new URL(server.adminUrl).host}; ${WORKERS} callers`);
console.log(
  `seeded ${CABINETS} cabinets × ${DAYS} days: ${orders} orders, ${sales} sales, ${stocks} stock rows in ${(seeded / 1000).toFixed(1)} s`,
);
console.log(
  `summaries: ${handled.reduce((a, b) => a + b, 0)} users handled, ${outbox} queued in the outbox, ${history} history rows, ` +
    `in ${(elapsed / 1000).toFixed(2)} s (target < 30 s: ${elapsed < 30_000 && outbox === CABINETS ? 'met' : 'MISSED'})`,
);
console.log(
  `database time: ${(databaseMs / CABINETS).toFixed(1)} ms per cabinet over ${(statements / CABINETS).toFixed(1)} statements ` +
    `(${(databaseMs / 1000).toFixed(1)} s in all, ${WORKERS} at once)`,
);

await pool.end();
await dropDatabase(server.adminUrl, dbName);
await dropDatabase(server.adminUrl, template);
await server.stop();
