// node bench/sync-initial.ts [--runs=2]   (DATABASE_URL=postgres://… adds that server's figures)
// Target (issue #4): the initial sync of 80,000 orders + 80,000 sales from the WB emulator takes
// ≤ 3× the time of a plain COPY of the same rows into the same tables.
// The sync is the real one (syncCabinet, all five sources, WB's 80,000-row pages) of a cabinet
// whose seller has ~98,000 orders and ~83,000 sales in 29 days; its orders + sales stages are
// timed apart (from the start to the progress save that marks `sales` done), and that is what the
// target compares. Reference in the same run: the rows it stored, exported to CSV, and loaded by
// `psql \copy … FROM` (COPY FROM STDIN) into the empty wb_orders / wb_sales of a fresh database
// on the same server (same indexes), timed as the psql process's wall time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '@wb-assist/logger';
import { syncCabinet } from '@wb-assist/sync';
import { PostgresRateLimiter } from '@wb-assist/wb-api';
import { startEmulator } from '@wb-assist/wb-emulator';
import {
  freshDatabase,
  hostsOf,
  insertCabinet,
  machine,
  median,
  meterPool,
  newEncryptionKey,
  seconds,
  targets,
} from './sync/common.ts';

const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 2);
const COPY_RUNS = 3;
const TARGET_RATIO = 3;
const MIN_ROWS = 80_000;
const settings = { initialSyncDays: 30, lookbackMinutes: 120 };
const log = createLogger({ name: 'bench', level: 'silent' });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-copy-'));
fs.chmodSync(tmp, 0o755);

interface SyncRun {
  totalMs: number;
  ordersSalesMs: number;
  dbMs: number;
  queries: number;
  orders: number;
  sales: number;
}

/** Columns the sync writes (everything but the serial id and our own timestamps). */
async function copyColumns(pool: pg.Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND column_name NOT IN ('id', 'created_at', 'updated_at')
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

function psql(url: string, commands: string[]): string {
  return execFileSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...commands.flatMap((c) => ['-c', c])], {
    encoding: 'utf8',
  });
}

async function syncOnce(url: string, label: string, run: number): Promise<SyncRun & { cabinetId: string }> {
  const emulator = await startEmulator({
    seed: 4 + run,
    publishIntervalMinutes: 0,
    rateLimits: false,
    frozenClock: true,
  });
  try {
    const seller = emulator.store.createSeller({
      products: 40,
      initialStock: 100_000,
      historyDays: 29,
      traffic: { ordersPerDay: 3_400 },
    });
    const { counts } = await emulator.control.seller(seller.sid);
    if (counts.orders < MIN_ROWS || counts.sales < MIN_ROWS)
      throw new Error(`seller too small: ${counts.orders} orders, ${counts.sales} sales`);
    const encryptionKey = newEncryptionKey();
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    let ordersSalesAt = 0;
    const meter = meterPool(pool, (text, values) => {
      if (ordersSalesAt || !text.includes('UPDATE cabinets SET sync_progress')) return;
      const done = (JSON.parse(String(values?.[1] ?? '{}')) as { done?: string[] }).done ?? [];
      if (done.includes('orders') && done.includes('sales')) ordersSalesAt = performance.now();
    });
    try {
      const cabinetId = await insertCabinet(pool, emulator, seller.sid, encryptionKey);
      meter.reset();
      const started = performance.now();
      const outcome = await syncCabinet({
        pool,
        cabinetId,
        kind: 'initial',
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
      const totalMs = performance.now() - started;
      const { ms: dbMs, queries } = meter;
      const top = [...meter.byKind.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 5);
      if (outcome.status !== 'done') throw new Error(`sync ended ${JSON.stringify(outcome)}`);
      const { rows } = await pool.query<{ orders: number; sales: number }>(
        `SELECT (SELECT count(*) FROM wb_orders WHERE cabinet_id = $1)::int AS orders,
                (SELECT count(*) FROM wb_sales WHERE cabinet_id = $1)::int AS sales`,
        [cabinetId],
      );
      const stored = rows[0]!;
      if (stored.orders !== counts.orders || stored.sales !== counts.sales)
        throw new Error(`stored ${stored.orders}/${stored.sales}, emulator has ${counts.orders}/${counts.sales}`);
      console.log(
        `${label} run ${run}: initial sync of ${stored.orders} orders + ${stored.sales} sales (+ stocks, ${counts.feedbacks} reviews, 40 cards): ` +
          `orders+sales stages ${seconds(ordersSalesAt - started)}, whole sync ${seconds(totalMs)}; ` +
          `database round trips ${queries} queries, ${seconds(dbMs)}`,
      );
      console.log(
        `  database time by statement: ${top.map(([kind, { queries, ms }]) => `${kind} ${queries}× ${seconds(ms)}`).join(', ')}`,
      );
      return {
        cabinetId,
        totalMs,
        ordersSalesMs: ordersSalesAt - started,
        dbMs,
        queries,
        ...stored,
      };
    } finally {
      await pool.end();
    }
  } finally {
    await emulator.close();
  }
}

async function benchmark(useDatabaseUrl: boolean) {
  const db = await freshDatabase(useDatabaseUrl);
  try {
    console.log(`[${db.label}] ${await machine(db.url)}`);
    const syncs: SyncRun[] = [];
    let last: (SyncRun & { cabinetId: string }) | undefined;
    for (let run = 1; run <= RUNS; run++) {
      // Each run syncs a new seller into a fresh database, as a first sync would.
      const url = run === 1 ? db.url : await db.sibling();
      last = await syncOnce(url, db.label, run);
      syncs.push(last);
      if (run < RUNS) continue;

      // The reference: the same rows, exported from the synced database, COPYed into a fresh one.
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const target = await db.sibling();
      const targetPool = new pg.Pool({ connectionString: target, max: 1 });
      try {
        const orderColumns = await copyColumns(pool, 'wb_orders');
        const saleColumns = await copyColumns(pool, 'wb_sales');
        const ordersCsv = path.join(tmp, 'orders.csv');
        const salesCsv = path.join(tmp, 'sales.csv');
        psql(url, [
          `\\copy (SELECT ${orderColumns.join(', ')} FROM wb_orders WHERE cabinet_id = '${last.cabinetId}' ORDER BY id) TO '${ordersCsv}' CSV`,
          `\\copy (SELECT ${saleColumns.join(', ')} FROM wb_sales WHERE cabinet_id = '${last.cabinetId}' ORDER BY id) TO '${salesCsv}' CSV`,
        ]);
        // The cabinet row the foreign keys need.
        const { rows } = await pool.query('SELECT * FROM cabinets WHERE id = $1', [last.cabinetId]);
        const cabinet = rows[0] as Record<string, unknown>;
        const names = Object.keys(cabinet);
        await targetPool.query(
          `INSERT INTO cabinets (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
          names.map((name) => (name === 'sync_progress' ? JSON.stringify(cabinet[name]) : cabinet[name])),
        );
        const copies: number[] = [];
        for (let i = 0; i < COPY_RUNS; i++) {
          await targetPool.query('TRUNCATE wb_orders, wb_sales');
          await targetPool.query('CHECKPOINT').catch(() => undefined);
          const started = performance.now();
          psql(target, [
            `\\copy wb_orders (${orderColumns.join(', ')}) FROM '${ordersCsv}' CSV`,
            `\\copy wb_sales (${saleColumns.join(', ')}) FROM '${salesCsv}' CSV`,
          ]);
          copies.push(performance.now() - started);
        }
        const { rows: copied } = await targetPool.query<{ orders: number; sales: number }>(
          `SELECT (SELECT count(*) FROM wb_orders)::int AS orders, (SELECT count(*) FROM wb_sales)::int AS sales`,
        );
        const bytes = fs.statSync(ordersCsv).size + fs.statSync(salesCsv).size;
        const copyMs = median(copies);
        const stages = median(syncs.map((s) => s.ordersSalesMs));
        const whole = median(syncs.map((s) => s.totalMs));
        console.log(
          `${db.label}: reference, psql \\copy FROM of the same ${copied[0]?.orders} orders + ${copied[0]?.sales} sales ` +
            `(${(bytes / 1e6).toFixed(0)} MB CSV) into empty tables: n=${COPY_RUNS} ${copies.map((ms) => seconds(ms)).join(', ')}; median ${seconds(copyMs)}`,
        );
        console.log(
          `${db.label}: sync n=${RUNS} median: orders+sales stages ${seconds(stages)}, whole sync ${seconds(whole)}, ` +
            `database round trips ${seconds(median(syncs.map((s) => s.dbMs)))} in ${median(syncs.map((s) => s.queries))} queries`,
        );
        const ratio = stages / copyMs;
        console.log(
          `${db.label}: ratio orders+sales sync / COPY = ${ratio.toFixed(2)} (whole sync / COPY = ${(whole / copyMs).toFixed(2)}); ` +
            `target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
        );
      } finally {
        await pool.end();
        await targetPool.end();
      }
    }
  } finally {
    await db.close();
  }
}

try {
  for (const useDatabaseUrl of targets()) await benchmark(useDatabaseUrl);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
