import { prepareDatabaseOrExit } from '@wb-assist/db';
import pg from 'pg';
import { resolveSecrets } from '@wb-assist/config';
import { createLogger } from '@wb-assist/logger';
import { BOT_NOTIFY_PATH, startDeliveryLoop } from '@wb-assist/delivery';
import { createMetrics, createMetricsServer } from '@wb-assist/metrics';
import { PostgresRateLimiter } from '@wb-assist/wb-api';
import { loadWorkerEnv } from './env.ts';
import { renderForTelegram } from './delivery/render.ts';
import { createSyncCabinet } from './jobs/sync-cabinet.ts';
import { createWorker } from './worker.ts';

const env = loadWorkerEnv();
const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL, format: env.LOG_FORMAT });

const database = await prepareDatabaseOrExit(env, logger);

const secrets = resolveSecrets(env);
const pool = new pg.Pool({ connectionString: database.url, max: env.DATABASE_POOL_SIZE });
pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
const metrics = createMetrics('worker');
const handler = createSyncCabinet({
  pool,
  logger,
  metrics,
  wb: {
    hosts: {
      statistics: env.WB_STATISTICS_API_URL,
      analytics: env.WB_ANALYTICS_API_URL,
      feedbacks: env.WB_FEEDBACKS_API_URL,
      content: env.WB_CONTENT_API_URL,
      common: env.WB_COMMON_API_URL,
    },
    limiter: new PostgresRateLimiter(pool),
    timeoutMs: env.WB_REQUEST_TIMEOUT_MS,
    rateLimitScale: env.WB_RATE_LIMIT_SCALE,
  },
  encryptionKey: secrets.encryptionKey,
  settings: { initialSyncDays: env.INITIAL_SYNC_DAYS, lookbackMinutes: env.SYNC_LOOKBACK_MINUTES },
});

const worker = createWorker({
  databaseUrl: database.url,
  syncIntervalSeconds: env.SYNC_INTERVAL,
  concurrency: env.WORKER_CONCURRENCY,
  handler,
  logger,
});
await worker.start();

// Notifications go to the bot as soon as a sync commits them (LISTEN), retried with backoff.
const delivery = await startDeliveryLoop({
  pool,
  databaseUrl: database.url,
  endpoint: `${env.BOT_INTERNAL_URL}${BOT_NOTIFY_PATH}`,
  secret: secrets.internalWebhookSecret,
  render: renderForTelegram,
  log: (entry, message) => logger.warn(entry, message),
  onError: (error) => logger.error({ err: error }, 'delivery pass failed'),
});

const metricsServer = createMetricsServer(metrics, async () => {
  await pool.query('SELECT 1');
  return true;
});
await new Promise<void>((resolve, reject) => {
  metricsServer.once('error', reject);
  metricsServer.listen(env.WORKER_PORT, env.HOST, () => resolve());
});
logger.info(`worker metrics on http://${env.HOST}:${env.WORKER_PORT}/metrics`);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: finishing running syncs, then stopping`);
  await worker.stop();
  await delivery.stop();
  metricsServer.close();
  await pool.end();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
