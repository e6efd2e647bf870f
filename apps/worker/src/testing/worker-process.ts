import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createLogger } from '@wb-assist/logger';
import { createWorker } from '../worker.ts';
import { recordingHandler } from './sync-runs.ts';

// A worker process for the multi-process test: a slow fake sync that records each run.
// Env: DATABASE_URL, WORKER_NAME, SYNC_INTERVAL (s), RUN_MS, WORKER_CONCURRENCY.
const env = process.env;
const name = env.WORKER_NAME ?? 'worker';
const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
const worker = createWorker({
  databaseUrl: env.DATABASE_URL!,
  syncIntervalSeconds: Number(env.SYNC_INTERVAL),
  concurrency: Number(env.WORKER_CONCURRENCY),
  logger: createLogger({ name, level: 'warn' }),
  tuning: {
    tickSeconds: 0.5,
    pollingIntervalSeconds: 0.5,
    // pg-boss's shortest heartbeat, and a supervisor that looks every second: a killed process's
    // job is retried about 10 s later.
    heartbeatSeconds: 10,
    superviseIntervalSeconds: 1,
    retry: { limit: 2, delaySeconds: 1, delayMaxSeconds: 2 },
  },
  handler: recordingHandler(pool, name, async ({ cabinetId, kind, signal }) => {
    await sleep(Number(env.RUN_MS), undefined, { signal });
    if (kind === 'initial') await pool.query(`UPDATE cabinets SET status = 'ready' WHERE id = $1`, [cabinetId]);
    return { status: 'done' };
  }),
});
await worker.start();
process.stdout.write('started\n');

process.on('SIGTERM', () => {
  void worker
    .stop()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
