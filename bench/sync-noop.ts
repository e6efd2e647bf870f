// node bench/sync-noop.ts [--runs=5]   (DATABASE_URL=postgres://… adds that server's figures)
// Target (issue #4): a periodic sync that finds nothing new costs < 100 ms of database time, and
// stays flat as the cabinet's history grows: 10k, 100k, 1M orders (with ~0.85 sales per order).
// Setup: an emulator seller with 3 days of real history (~300 orders a day) on a frozen clock,
// its cabinet's real initial sync, then synthetic orders and sales inserted with generate_series,
// all older than the watermark minus the lookback (so the sync reads only WB's lookback window,
// as in production), VACUUM ANALYZE. Each run is the real syncCabinet (all five sources, the
// PostgresRateLimiter the worker uses) while the emulator has nothing new: WB's answers repeat
// the last two hours, which must change nothing.
// Database time = the sum of every query's round trip as the pg client sees it on localhost
// (each pool client's query is wrapped; the sync runs its queries one at a time, so the sum is
// time the sync spent waiting on PostgreSQL). pg_stat_statements needs a server restart with
// shared_preload_libraries, which neither server here has.
import pg from 'pg';
import { createLogger } from '@wb-assist/logger';
import { syncCabinet, type SyncKind } from '@wb-assist/sync';
import { PostgresRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import {
  freshDatabase,
  hostsOf,
  insertCabinet,
  machine,
  median,
  meterPool,
  newEncryptionKey,
  targets,
  type QueryMeter,
} from './sync/common.ts';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 5);
const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_MS = 100;
const settings = { initialSyncDays: 30, lookbackMinutes: 120 };
const log = createLogger({ name: 'bench', level: 'silent' });
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Orders (and 0.85 sales each) numbered from..to-1, spread over the 87 days before `before`. */
async function addSynthetic(pool: pg.Pool, cabinetId: string, from: number, to: number, before: Date) {
  const common = `
    warehouse_name, warehouse_type, country_name, oblast_okrug_name, region_name, supplier_article, nm_id, barcode,
    category, subject, brand, tech_size, income_id, is_supply, is_realization, total_price, discount_percent, spp,
    finished_price, price_with_disc, sticker, g_number`;
  const values = `
    'Коледино', 'Склад WB', 'Россия', 'Центральный федеральный округ', 'Московская область', 'ART-' || (g % 40),
    100000 + g % 40, '20000000' || (g % 200), 'Одежда', 'Футболки', 'Bench', 'M', 1000 + g % 97, false, true,
    1000 + g % 500, 20, 25, 600 + g % 300, 800 + g % 400, '', 'G' || g`;
  const at = `($3::timestamptz - make_interval(secs => 3600 + (g::bigint * 7919) % 7516800))`;
  await pool.query(
    `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, ${common}, is_cancel, cancel_date)
     SELECT $1, 'bench.' || g, ${at} - interval '1 hour', ${at}, ${values}, g % 7 = 0, CASE WHEN g % 7 = 0 THEN ${at} END
     FROM generate_series($2::int, $4::int - 1) AS g`,
    [cabinetId, from, before, to],
  );
  await pool.query(
    `INSERT INTO wb_sales (cabinet_id, sale_id, type, srid, sale_date, last_change_date, ${common},
       payment_sale_amount, for_pay)
     SELECT $1, 'S' || g, CASE WHEN g % 13 = 0 THEN 'return' ELSE 'buyout' END::sale_type, 'bench.' || g,
       ${at}, ${at}, ${values}, 800 + g % 400, 700 + g % 350
     FROM generate_series($2::int, $4::int - 1) AS g WHERE g % 20 < 17`,
    [cabinetId, from, before, to],
  );
}

interface Run {
  dbMs: number;
  queries: number;
  wallMs: number;
}

async function sync(
  pool: pg.Pool,
  emulator: RunningEmulator,
  cabinetId: string,
  encryptionKey: Buffer,
  kind: SyncKind,
  meter: QueryMeter,
): Promise<Run> {
  meter.reset();
  const started = performance.now();
  const outcome = await syncCabinet({
    pool,
    cabinetId,
    kind,
    wb: {
      hosts: hostsOf(emulator),
      limiter: new PostgresRateLimiter(pool),
      // The emulator's limits are off; the client keeps WB's buckets on a 1/1000 clock.
      rateLimitScale: 0.001,
      maxWaitMs: 2_000,
      minBackoffMs: 20,
      retries: 3,
    },
    encryptionKey,
    settings,
    log,
  });
  const wallMs = performance.now() - started;
  if (outcome.status !== 'done') throw new Error(`sync ended ${JSON.stringify(outcome)}`);
  return { dbMs: meter.ms, queries: meter.queries, wallMs };
}

async function benchmark(useDatabaseUrl: boolean) {
  const db = await freshDatabase(useDatabaseUrl);
  const emulator = await startEmulator({ seed: 7, publishIntervalMinutes: 0, rateLimits: false, frozenClock: true });
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  const meter = meterPool(pool);
  try {
    console.log(`[${db.label}] ${await machine(db.url)}`);
    const seller = emulator.store.createSeller({ products: 20, historyDays: 3, traffic: { ordersPerDay: 300 } });
    const encryptionKey = newEncryptionKey();
    const cabinetId = await insertCabinet(pool, emulator, seller.sid, encryptionKey);
    await sync(pool, emulator, cabinetId, encryptionKey, 'initial', meter);
    const { rows: marks } = await pool.query<{ watermark: Date }>(
      `SELECT min(watermark) AS watermark FROM wb_sync_watermarks WHERE cabinet_id = $1 AND source IN ('orders', 'sales')`,
      [cabinetId],
    );
    // Synthetic history ends a day before the real one starts: far outside the lookback window.
    const before = new Date(marks[0]!.watermark.getTime() - 4 * 86_400_000);
    const summary: { size: number; run: Run }[] = [];
    let next = 0;
    for (const size of SIZES) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM wb_orders WHERE cabinet_id = $1',
        [cabinetId],
      );
      const filled = performance.now();
      await addSynthetic(pool, cabinetId, next, next + size - rows[0]!.n, before);
      next += size - rows[0]!.n;
      await pool.query('VACUUM ANALYZE wb_orders');
      await pool.query('VACUUM ANALYZE wb_sales');
      const { rows: counts } = await pool.query<{ orders: number; sales: number }>(
        `SELECT (SELECT count(*) FROM wb_orders WHERE cabinet_id = $1)::int AS orders,
                (SELECT count(*) FROM wb_sales WHERE cabinet_id = $1)::int AS sales`,
        [cabinetId],
      );
      const fillMs = performance.now() - filled;
      const runs: Run[] = [];
      let breakdown = '';
      for (let i = 0; i < RUNS; i++) {
        runs.push(await sync(pool, emulator, cabinetId, encryptionKey, 'periodic', meter));
        if (i === RUNS - 1)
          breakdown = [...meter.byKind.entries()]
            .sort((a, b) => b[1].ms - a[1].ms)
            .map(([kind, { queries, ms: spent }]) => `${kind} ${queries}× ${ms(spent)}`)
            .join(', ');
      }
      const { rows: logs } = await pool.query<{
        counts: Record<string, { fetched: number; inserted: number; updated: number }>;
      }>(`SELECT counts FROM wb_sync_logs WHERE cabinet_id = $1 ORDER BY id DESC LIMIT 1`, [cabinetId]);
      const last = logs[0]!.counts;
      const fetched = Object.entries(last)
        .map(([source, c]) => `${source} ${c.fetched}/${c.inserted}/${c.updated}`)
        .join(', ');
      const run = {
        dbMs: median(runs.map((r) => r.dbMs)),
        queries: median(runs.map((r) => r.queries)),
        wallMs: median(runs.map((r) => r.wallMs)),
      };
      summary.push({ size, run });
      console.log(
        `${db.label}: ${counts[0]!.orders} orders + ${counts[0]!.sales} sales (filled in ${(fillMs / 1000).toFixed(1)} s): ` +
          `no-op periodic sync n=${RUNS} median: database ${ms(run.dbMs)} in ${run.queries} queries, wall ${ms(run.wallMs)} ` +
          `(runs: ${runs.map((r) => r.dbMs.toFixed(0)).join(', ')} ms)`,
      );
      console.log(`  last run, fetched/inserted/updated: ${fetched}`);
      console.log(`  last run, database time by statement: ${breakdown}`);
    }
    const first = summary[0]!.run;
    const largest = summary.at(-1)!.run;
    const under = summary.every((s) => s.run.dbMs < TARGET_MS);
    const growth = largest.dbMs / first.dbMs;
    console.log(
      `${db.label}: target < ${TARGET_MS} ms database time at every size: ${under ? 'met' : 'NOT met'}; ` +
        `flat (1M / 10k = ${growth.toFixed(2)}×, flat meaning ≤ 1.5×): ${growth <= 1.5 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await pool.end();
    await emulator.close();
    await db.close();
  }
}

for (const useDatabaseUrl of targets()) await benchmark(useDatabaseUrl);
