import pg from 'pg';
import { resolveSecrets } from '@wb-assist/config';
import { prepareDatabaseOrExit } from '@wb-assist/db';
import { BOT_NOTIFY_PATH, startDeliveryLoop } from '@wb-assist/delivery';
import type { Logger } from '@wb-assist/logger';
import { createMetrics, createMetricsServer, instrumentPool } from '@wb-assist/metrics';
import { ARRIVAL_MARGIN, WB_METHOD_GROUPS, wbAccessFromEnv } from '@wb-assist/wb-api';
import { renderForTelegram } from './delivery/render.ts';
import type { WorkerEnv } from './env.ts';
import { createSyncCabinet, createSyncOrderFeed } from './jobs/sync-cabinet.ts';
import { createSummaryLoop } from './morning-summary/summary-loop.ts';
import { createWorker, type WorkerTuning } from './worker.ts';

export interface WorkerAppOptions {
  env: WorkerEnv;
  logger: Logger;
  /** Tests shorten pg-boss's timings and the delivery lease; production keeps the defaults. */
  tuning?: Partial<WorkerTuning>;
  deliveryLeaseSeconds?: number;
}

/**
 * Order feed reads this process runs at once. A read is a WB call or two and a short
 * transaction: a thousand cabinets a minute keep fewer than two busy on average.
 */
const FEED_CONCURRENCY = 8;

/** Morning summaries go out within this long after the user's minute. */
const SUMMARY_TICK_MS = 15_000;

/**
 * The worker process: the cabinet sync on pg-boss, the notification delivery loop, and
 * /metrics + /healthz. Returns a stop that finishes running syncs and releases the rest.
 */
export async function startWorkerApp({ env, logger, tuning, deliveryLeaseSeconds }: WorkerAppOptions) {
  const database = await prepareDatabaseOrExit(env, logger);
  const secrets = resolveSecrets(env);
  const pool = new pg.Pool({ connectionString: database.url, max: env.DATABASE_POOL_SIZE });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const metrics = createMetrics('worker');
  instrumentPool(pool, metrics);
  const syncDependencies = {
    pool,
    logger,
    metrics,
    wb: wbAccessFromEnv(env, pool),
    encryptionKey: secrets.encryptionKey,
    settings: { initialSyncDays: env.INITIAL_SYNC_DAYS, lookbackMinutes: env.SYNC_LOOKBACK_MINUTES },
  };
  const handler = createSyncCabinet(syncDependencies);
  // As often as WB allows a Personal or Service key (one call a minute), with the margin the
  // client keeps between two calls of one bucket, so a read never waits for its slot.
  const feedIntervalMs = WB_METHOD_GROUPS['order-feed'].full.intervalMs * env.WB_RATE_LIMIT_SCALE * ARRIVAL_MARGIN;

  const worker = createWorker({
    databaseUrl: database.url,
    syncIntervalSeconds: env.SYNC_INTERVAL,
    concurrency: env.WORKER_CONCURRENCY,
    handler,
    orderFeed: env.ORDER_FEED_ENABLED
      ? { handler: createSyncOrderFeed(syncDependencies), intervalMs: feedIntervalMs, concurrency: FEED_CONCURRENCY }
      : undefined,
    logger,
    tuning,
  });
  await worker.start();
  const summaries = createSummaryLoop({
    pool,
    logger,
    webUrl: env.PUBLIC_WEB_URL,
    tickMs: SUMMARY_TICK_MS,
    batch: 100,
  });
  summaries.start();

  // Notifications go to the bot as soon as a sync commits them (LISTEN), retried with backoff.
  const delivery = await startDeliveryLoop({
    pool,
    databaseUrl: database.url,
    endpoint: `${env.BOT_INTERNAL_URL}${BOT_NOTIFY_PATH}`,
    secret: secrets.internalWebhookSecret,
    render: renderForTelegram,
    leaseSeconds: deliveryLeaseSeconds,
    log: (entry, message) => logger.warn(entry, message),
    onDelivered: ({ type, status }) => metrics.notifications.inc({ type, status }),
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

  return {
    async stop() {
      await summaries.stop();
      await worker.stop();
      await delivery.stop();
      metricsServer.close();
      await pool.end();
      await database.stop();
    },
  };
}
