import pg from 'pg';
import { resolveSecrets } from '@wb-assist/config';
import { prepareDatabaseOrExit } from '@wb-assist/db';
import { BOT_NOTIFY_PATH, startDeliveryLoop } from '@wb-assist/delivery';
import type { Logger } from '@wb-assist/logger';
import { createMetrics, createMetricsServer, instrumentPool } from '@wb-assist/metrics';
import { WB_METHOD_GROUPS, wbAccessFromEnv, withArrivalMargin } from '@wb-assist/wb-api';
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
 * transaction, claimed up to FEED_LEAD_MS before it is due and waiting (no connection held)
 * for its bucket: a thousand cabinets a minute keep some forty of them in flight.
 */
const FEED_CONCURRENCY = 64;

/** Database connections the feed reads share: their rate-limit takes and page transactions. */
const FEED_POOL_SIZE = 10;

/**
 * How early a feed read is claimed: enough to absorb a busy process's claim delay, so the call
 * goes the moment WB's one-a-minute bucket refills (a tenth of the interval when it is scaled
 * down for the emulator's fast profile).
 */
const FEED_LEAD_MS = 2_000;

/** Delivery runs one pass at a time per process: a lease query, the settlement, the LISTEN. */
const DELIVERY_POOL_SIZE = 3;

/** Morning summaries go out within this long after the user's minute. */
const SUMMARY_TICK_MS = 15_000;

/**
 * The worker process: the cabinet sync on pg-boss, the notification delivery loop, and
 * /metrics + /healthz. Returns a stop that finishes running syncs and releases the rest.
 */
export async function startWorkerApp({ env, logger, tuning, deliveryLeaseSeconds }: WorkerAppOptions) {
  const database = await prepareDatabaseOrExit(env, logger);
  const secrets = resolveSecrets(env);
  const metrics = createMetrics('worker');
  const newPool = (max: number) => {
    const created = new pg.Pool({ connectionString: database.url, max });
    created.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
    instrumentPool(created, metrics);
    return created;
  };
  const pool = newPool(env.DATABASE_POOL_SIZE);
  const syncDependencies = {
    pool,
    logger,
    metrics,
    wb: wbAccessFromEnv(env, pool),
    encryptionKey: secrets.encryptionKey,
    settings: { initialSyncDays: env.INITIAL_SYNC_DAYS, lookbackMinutes: env.SYNC_LOOKBACK_MINUTES },
  };
  const handler = createSyncCabinet(syncDependencies);
  // The order feed and delivery are the path of every «Новый заказ»: they get connections of
  // their own, so a round of syncs holding all of DATABASE_POOL_SIZE (bulk upserts, rate-limit
  // waits) never queues them. Measured under 1,000 cabinets (bench/order-feed-latency.ts).
  const feedPool = newPool(FEED_POOL_SIZE);
  const deliveryPool = newPool(DELIVERY_POOL_SIZE);
  // As often as WB allows a Personal or Service key (one call a minute), with the margin the
  // client keeps between two calls of one bucket.
  const feedIntervalMs = withArrivalMargin(WB_METHOD_GROUPS['order-feed'].full.intervalMs * env.WB_RATE_LIMIT_SCALE);

  const worker = createWorker({
    databaseUrl: database.url,
    syncIntervalSeconds: env.SYNC_INTERVAL,
    concurrency: env.WORKER_CONCURRENCY,
    handler,
    orderFeed: env.ORDER_FEED_ENABLED
      ? {
          handler: createSyncOrderFeed({ ...syncDependencies, pool: feedPool, wb: wbAccessFromEnv(env, feedPool) }),
          intervalMs: feedIntervalMs,
          leadMs: Math.min(FEED_LEAD_MS, feedIntervalMs / 10),
          concurrency: FEED_CONCURRENCY,
        }
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
    pool: deliveryPool,
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
      await Promise.all([pool.end(), feedPool.end(), deliveryPool.end()]);
      await database.stop();
    },
  };
}
