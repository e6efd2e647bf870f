// node bench/soak/run.ts                                   (defaults: 50 cabinets, 3 minutes)
// SOAK_CABINETS=200 SOAK_MINUTES=10 node bench/soak/run.ts  (the soak, item 6 of #9)
//
// Fault soak: the whole system as real processes (its own embedded PostgreSQL, the WB emulator
// with one living shop per cabinet, the fake Telegram Bot API, the bot, two workers), users who
// connect their keys the real way, then the shops live in real time while faults come one after
// another: a WB 429 storm, WB 5xx, a worker SIGKILLed and restarted, PostgreSQL restarted, the
// bot down (a minute at the size), Telegram answering 429. Afterwards it drains and
// checks that every event the emulator produced after the initial syncs reached every subscribed
// user exactly once, and prints events per type, lost, duplicated, latency p50/p99 (event
// visible at WB → message accepted by Telegram), worker RSS at start and end, the faults with
// their times and the wall time. Exits 1 when anything is lost, duplicated or unexpected.
// Not part of `npm test`; its short version is bench/soak/soak.int.test.ts.
//
// Knobs (environment):
//   SOAK_CABINETS=50          cabinets (one shop and one owner each; every 4th has a teammate too)
//   SOAK_MINUTES=3            minutes of live shops with faults (SOAK_SECONDS for less than one)
//   SOAK_SYNC_INTERVAL=60     the worker's SYNC_INTERVAL, seconds
//   SOAK_RATE_LIMIT_SCALE=1   WB's rate limits on both sides, as a factor (1: WB's own)
//   SOAK_ORDERS_PER_DAY=1440  orders a day per shop at the current hour
//   SOAK_WORKERS=2  SOAK_WORKER_CONCURRENCY=16
//   SOAK_BOT_DOWN_SECONDS     the bot's downtime (default: a tenth of the run, 10–60 s)
//   SOAK_DRAIN_SECONDS        bound of the drain after the live phase
//   SOAK_PRESET=short         the test suite's settings (5 cabinets, 60 s, limits ×0.01)
//   SOAK_KEEP_LOGS=1          keep the process logs and the database folder even when it passes
// With real limits (the default) a cabinet syncs once a minute, WB's own pace for sales: the
// latency figures are what a seller would see with SYNC_INTERVAL=60.
import os from 'node:os';
import { realLimitsSoak, SHORT_SOAK, type SoakOptions } from './options.ts';
import { formatReport } from './report.ts';
import { runSoak } from './run-soak.ts';

const env = process.env;
const number = (name: string): number | undefined => (env[name] ? Number(env[name]) : undefined);

const cabinets = number('SOAK_CABINETS') ?? 50;
const liveSeconds = number('SOAK_SECONDS') ?? (number('SOAK_MINUTES') ?? 3) * 60;
const base = env.SOAK_PRESET === 'short' ? SHORT_SOAK : realLimitsSoak(cabinets, liveSeconds);
const options: SoakOptions = {
  ...base,
  ...(env.SOAK_PRESET === 'short' ? {} : { cabinets, liveSeconds }),
  syncIntervalSeconds: number('SOAK_SYNC_INTERVAL') ?? base.syncIntervalSeconds,
  rateLimitScale: number('SOAK_RATE_LIMIT_SCALE') ?? base.rateLimitScale,
  ordersPerDay: number('SOAK_ORDERS_PER_DAY') ?? base.ordersPerDay,
  workers: number('SOAK_WORKERS') ?? base.workers,
  workerConcurrency: number('SOAK_WORKER_CONCURRENCY') ?? base.workerConcurrency,
  drainSeconds: number('SOAK_DRAIN_SECONDS') ?? base.drainSeconds,
  faults: { ...base.faults, botDownSeconds: number('SOAK_BOT_DOWN_SECONDS') ?? base.faults.botDownSeconds },
  keepLogs: env.SOAK_KEEP_LOGS === '1',
  log: (line) => console.log(`[soak] ${line}`),
};

console.log(
  `[soak] machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`,
);
const report = await runSoak(options);
console.log(formatReport(report));
process.exitCode = report.passed ? 0 : 1;
