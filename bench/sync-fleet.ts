// node bench/sync-fleet.ts [--concurrency=8] [--cabinets=1000] [--semi-space=16]   (DATABASE_URL=postgres://… runs on that server instead)
// Target (issue #4): 1,000 cabinets with small deltas all synced within one 180 s interval on
// this 2-core machine, worker RSS < 300 MB; cabinets/s quoted.
// Setup (in this process, not timed against the target): the WB emulator with 1,000 sellers
// (5 products, 3 days of history at 10 orders a day), rate limits off (the worker keeps WB's real
// limits on its side, per seller, through PostgresRateLimiter; one sync per seller per interval
// stays inside them), frozen clock; 1,000 cabinets inserted directly with their tokens encrypted
// by encryptSecret, each with an owner; their initial syncs run here (timed separately); then small
// deltas per seller (2 new orders, a buyout, a review: events for the outbox, delivered by the
// worker to a stub bot in this process that answers every notification "sent").
// Measured: the real worker process (`node apps/worker/src/main.ts`, SYNC_INTERVAL=180) from the
// moment every cabinet is made due at once (the worst case: the whole fleet in one interval) until
// every cabinet has a successful periodic wb_sync_logs row; its RSS is sampled every second from
// /proc/<pid>/status (VmRSS) and its peak read from VmHWM. Stops by itself after 300 s at most.
// Defaults are the product's: WORKER_CONCURRENCY=8 (the config default) and the worker's own
// start flag --max-semi-space-size=16 (apps/worker/package.json, the Dockerfile's NODE_OPTIONS),
// which keeps V8's young generation from taking ~70 MB of RSS for nothing.
import type { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createLogger } from '@wb-assist/logger';
import { syncCabinet } from '@wb-assist/sync';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startEmulator } from '@wb-assist/wb-emulator';
import {
  freshDatabase,
  hostsOf,
  insertCabinet,
  machine,
  median,
  newEncryptionKey,
  startBenchWorker,
} from './sync/common.ts';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CABINETS = arg('cabinets', 1_000);
const CONCURRENCY = arg('concurrency', 8);
/** e.g. --semi-space=16: start the worker with --max-semi-space-size=16 (V8's young generation, MB). */
const SEMI_SPACE = arg('semi-space', 16);
const INTERVAL_S = 180;
const RSS_LIMIT_MB = 300;
const GIVE_UP_S = 300;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const settings = { initialSyncDays: 30, lookbackMinutes: 120 };

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

function status(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) / 1024;
    return { rssMb: field('VmRSS'), hwmMb: field('VmHWM') };
  } catch {
    return undefined;
  }
}

const useDatabaseUrl = Boolean(process.env.DATABASE_URL);
const db = await freshDatabase(useDatabaseUrl);
const emulator = await startEmulator({ seed: 9, publishIntervalMinutes: 0, rateLimits: false, frozenClock: true });
const pool = new pg.Pool({ connectionString: db.url, max: 8 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-fleet-'));
// The bot, as far as the worker can tell: every signed notification POST is answered "sent".
let delivered = 0;
const bot = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    delivered += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"sent"}');
  });
});
await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
let worker: ReturnType<typeof spawn> | undefined;
try {
  console.log(`[${db.label}] ${await machine(db.url)}`);
  const encryptionKey = newEncryptionKey();
  let started = performance.now();
  const sids: string[] = [];
  for (let i = 0; i < CABINETS; i++) {
    sids.push(emulator.store.createSeller({ products: 5, historyDays: 3, traffic: { ordersPerDay: 10 } }).sid);
  }
  const farAway = new Date(Date.now() + 86_400_000);
  const cabinets: string[] = [];
  for (const sid of sids) cabinets.push(await insertCabinet(pool, emulator, sid, encryptionKey, farAway));
  // One owner per cabinet, as connectCabinet leaves it: events fan out to members.
  await pool.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cabinets),
          u AS (INSERT INTO users (telegram_id) SELECT 900000000 + n FROM c RETURNING id, telegram_id),
          m AS (INSERT INTO cabinet_users (cabinet_id, user_id, role)
                SELECT c.id, u.id, 'owner' FROM c JOIN u ON u.telegram_id = 900000000 + c.n RETURNING cabinet_id, user_id)
     INSERT INTO notification_settings (user_id, cabinet_id) SELECT user_id, cabinet_id FROM m`,
  );
  console.log(`setup: ${CABINETS} sellers and cabinets in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const limiter = new MemoryRateLimiter();
  const log = createLogger({ name: 'bench', level: 'silent' });
  await inParallel(cabinets, 8, async (cabinetId) => {
    const outcome = await syncCabinet({
      pool,
      cabinetId,
      kind: 'initial',
      wb: { hosts: hostsOf(emulator), limiter },
      encryptionKey,
      settings,
      log,
    });
    if (outcome.status !== 'done') throw new Error(`initial sync of ${cabinetId}: ${JSON.stringify(outcome)}`);
  });
  const initialS = (performance.now() - started) / 1000;
  const { rows: stored } = await pool.query<{ orders: number; sales: number; reviews: number }>(
    `SELECT (SELECT count(*) FROM wb_orders)::int AS orders, (SELECT count(*) FROM wb_sales)::int AS sales,
            (SELECT count(*) FROM wb_reviews)::int AS reviews`,
  );
  console.log(
    `initial syncs (in this process, 8 at a time, not the measured figure): ${CABINETS} cabinets in ${initialS.toFixed(1)} s ` +
      `(${(CABINETS / initialS).toFixed(1)} cabinets/s); stored ${stored[0]!.orders} orders, ${stored[0]!.sales} sales, ${stored[0]!.reviews} reviews`,
  );

  // Small deltas: three minutes of the shop's own life, plus per seller two orders, a buyout, a review.
  started = performance.now();
  await emulator.control.advanceClock({ minutes: 3 });
  const placed = new Map<string, string>();
  await inParallel(sids, 16, async (sid) => {
    placed.set(sid, (await emulator.control.addOrder(sid)).srid);
    await emulator.control.addOrder(sid);
  });
  // A buyout comes after its order: the frozen clock moves a minute so it is visible now.
  await emulator.control.advanceClock({ minutes: 1 });
  await inParallel(sids, 16, async (sid) => {
    await emulator.control.buyOut(sid, placed.get(sid)!, { fillMoneyAfterMinutes: 0 });
    await emulator.control.addReview(sid, { valuation: 2, text: 'Не подошёл размер' });
  });
  console.log(`deltas added in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const logFile = path.join(tmp, 'worker.log');
  worker = await startBenchWorker({
    root,
    logFile,
    emulatorUrl: emulator.url,
    semiSpaceMb: SEMI_SPACE,
    env: {
      DATABASE_URL: db.url,
      DATA_DIR: tmp,
      SYNC_INTERVAL: String(INTERVAL_S),
      WORKER_CONCURRENCY: String(CONCURRENCY),
      ENCRYPTION_KEY: encryptionKey.toString('base64'),
      INTERNAL_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
      BOT_INTERNAL_URL: `http://127.0.0.1:${(bot.address() as AddressInfo).port}`,
    },
  });
  const pid = worker.pid!;
  const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));
  const idle = status(pid)!;

  // Every cabinet due now: one interval's worth of work lands at once.
  const t0 = new Date();
  delivered = 0;
  await pool.query('UPDATE cabinets SET next_sync_at = now()');
  const rss: number[] = [];
  let done = 0;
  let lastDone = 0;
  for (;;) {
    rss.push(status(pid)?.rssMb ?? NaN);
    const { rows } = await pool.query<{ done: number; failed: number; last: Date | null }>(
      `SELECT count(DISTINCT cabinet_id) FILTER (WHERE status = 'success')::int AS done,
              count(*) FILTER (WHERE status IN ('failed', 'partial'))::int AS failed,
              max(completed_at) AS last
       FROM wb_sync_logs WHERE kind = 'periodic' AND started_at >= $1`,
      [t0],
    );
    done = rows[0]!.done;
    if (rows[0]!.last) lastDone = rows[0]!.last.getTime() - t0.getTime();
    if (done >= CABINETS || rows[0]!.failed > 0 || Date.now() - t0.getTime() > GIVE_UP_S * 1000) break;
    await sleep(1000);
  }
  const peak = status(pid)!;
  const deliveredInWindow = delivered;
  const wallS = lastDone / 1000;

  const { rows: durations } = await pool.query<{
    duration_ms: number;
    events_created: number;
    counts: Record<string, { inserted: number; updated: number }>;
  }>(
    `SELECT duration_ms, counts, events_created FROM wb_sync_logs WHERE kind = 'periodic' AND started_at >= $1 ORDER BY duration_ms`,
    [t0],
  );
  const { rows: bad } = await pool.query<{ status: string; errors: unknown }>(
    `SELECT status, errors FROM wb_sync_logs WHERE kind = 'periodic' AND started_at >= $1 AND status <> 'success' LIMIT 3`,
    [t0],
  );
  const sum = (source: string, field: 'inserted' | 'updated') =>
    durations.reduce((total, row) => total + (row.counts[source]?.[field] ?? 0), 0);
  const ms = durations.map((row) => row.duration_ms);
  console.log(
    `worker (WORKER_CONCURRENCY=${CONCURRENCY}, SYNC_INTERVAL=${INTERVAL_S}${SEMI_SPACE ? `, node --max-semi-space-size=${SEMI_SPACE}` : ''}): ${done} of ${CABINETS} cabinets synced (periodic, success) ` +
      `in ${wallS.toFixed(1)} s from all being due = ${(done / wallS).toFixed(1)} cabinets/s`,
  );
  console.log(
    `  per sync (wb_sync_logs.duration_ms): median ${median(ms)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]} ms, max ${ms.at(-1)} ms; ` +
      `stored: ${sum('orders', 'inserted')} new orders, ${sum('orders', 'updated')} updated, ${sum('sales', 'inserted')} new sales, ${sum('reviews', 'inserted')} new reviews; ` +
      `${durations.reduce((total, row) => total + row.events_created, 0)} outbox events; ${deliveredInWindow} notification POSTs to the stub bot`,
  );
  if (bad.length > 0) console.log(`  not successful: ${JSON.stringify(bad)}`);
  console.log(
    `  worker RSS: ${idle.rssMb.toFixed(0)} MB when started, max sampled ${Math.max(...rss).toFixed(0)} MB (${rss.length} samples), ` +
      `peak (VmHWM) ${peak.hwmMb.toFixed(0)} MB`,
  );
  console.log(
    `target: all ${CABINETS} within ${INTERVAL_S} s: ${done >= CABINETS && wallS <= INTERVAL_S ? 'met' : 'NOT met'}; ` +
      `RSS < ${RSS_LIMIT_MB} MB: ${peak.hwmMb < RSS_LIMIT_MB ? 'met' : 'NOT met'}`,
  );

  worker.kill('SIGTERM');
  const stopped = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
  if (stopped === 'timeout') worker.kill('SIGKILL');
  const errors = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /"level":(40|50|60)/.test(line));
  console.log(
    `  worker log: ${errors.length} warn/error lines${errors[0] ? `, first: ${errors[0].slice(0, 300)}` : ''}`,
  );
} finally {
  if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await pool.end();
  await emulator.close();
  await db.close();
  bot.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
