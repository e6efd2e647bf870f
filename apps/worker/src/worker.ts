import pg from 'pg';
import { PgBoss, type JobWithMetadata } from 'pg-boss';
import type { Logger } from '@wb-assist/logger';
import { CABINET_SYNC_QUEUE, DEFAULT_RETRY_POLICY, PRIORITY, setUpQueues, type RetryPolicy } from './queues.ts';
import { createFeedLoop, type OrderFeedHandler } from './order-feed/feed-loop.ts';
import { createScheduler } from './scheduler.ts';
import type { CabinetSyncHandler } from './sync-handler.ts';
import { runSyncJob, type SyncJobContext } from './sync-job.ts';

/** Knobs with production defaults; tests shrink them to keep the suite fast. */
export interface WorkerTuning {
  /** Seconds between two looks for due cabinets. Default: min(SYNC_INTERVAL, 5). */
  tickSeconds: number;
  /** Most cabinets one tick schedules. */
  claimLimit: number;
  /** How often an idle pg-boss worker asks for a job. */
  pollingIntervalSeconds: number;
  /**
   * How long stop() lets running syncs finish before aborting them. With the abort grace it stays
   * under Docker's 10 s between SIGTERM and SIGKILL, so an aborted sync is still released cleanly.
   */
  shutdownTimeoutMs: number;
  retry: RetryPolicy;
  expireInSeconds: number;
  heartbeatSeconds: number;
  /** How often pg-boss looks for jobs whose worker died (missed heartbeats) or that expired. */
  superviseIntervalSeconds: number;
}

export interface WorkerOptions {
  databaseUrl: string;
  /** SYNC_INTERVAL: seconds between two syncs of one cabinet. */
  syncIntervalSeconds: number;
  /** WORKER_CONCURRENCY: cabinets this process syncs at once. */
  concurrency: number;
  handler: CabinetSyncHandler;
  /**
   * The real-time order feed, read per cabinet on its own cadence (WB's one call a minute),
   * apart from the full sync's SYNC_INTERVAL. Absent: statistics alone bring orders.
   */
  orderFeed?: { handler: OrderFeedHandler; intervalMs: number; leadMs?: number; concurrency: number };
  logger: Logger;
  tuning?: Partial<WorkerTuning>;
}

export interface Worker {
  start(): Promise<void>;
  /** Graceful: stops scheduling and fetching, waits for running syncs, then releases the rest. */
  stop(): Promise<void>;
}

/** After the shutdown signal, how long a handler gets to notice it before pg-boss fails its job. */
const ABORT_GRACE_MS = 2_000;

/** A tenth of the interval, within [0.5 s, 5 s]: a sync starts at most that late. */
const responsiveness = (intervalSeconds: number) => Math.min(5, Math.max(0.5, intervalSeconds / 10));

function withDefaults(options: WorkerOptions): WorkerTuning {
  return {
    tickSeconds: responsiveness(options.syncIntervalSeconds),
    claimLimit: 100,
    // pg-boss's shortest poll: each of a process's slots picks up its next cabinet within 0.5 s.
    pollingIntervalSeconds: 0.5,
    shutdownTimeoutMs: 6_000,
    retry: DEFAULT_RETRY_POLICY,
    // An initial sync reads 30 days under WB's rate limits; it may take a while.
    expireInSeconds: 3600,
    heartbeatSeconds: 30,
    superviseIntervalSeconds: 30,
    ...options.tuning,
  };
}

export function createWorker(options: WorkerOptions): Worker {
  const { logger, concurrency } = options;
  const tuning = withDefaults(options);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 + concurrency });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    application_name: 'wb-assist-worker',
    // Handlers, heartbeats, fetches and maintenance share this pool.
    max: 4 + concurrency,
    // Cabinet syncs are scheduled from `cabinets`, not by pg-boss cron.
    schedule: false,
    // The supervisor fails dead workers' jobs only on passes that also monitor the queue.
    superviseIntervalSeconds: tuning.superviseIntervalSeconds,
    monitorIntervalSeconds: tuning.superviseIntervalSeconds,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'));
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `pg-boss: ${warning.message}`));
  const shutdown = new AbortController();
  const context: SyncJobContext = { pool, handler: options.handler, logger, shutdownSignal: shutdown.signal };
  const scheduler = createScheduler({
    pool,
    boss,
    logger,
    intervalSeconds: options.syncIntervalSeconds,
    tickSeconds: tuning.tickSeconds,
    claimLimit: tuning.claimLimit,
  });
  const feedLoop =
    options.orderFeed &&
    createFeedLoop({ pool, logger, ...options.orderFeed, shutdownTimeoutMs: tuning.shutdownTimeoutMs });
  let stopping: Promise<void> | undefined;

  const work = async ([job]: JobWithMetadata<unknown>[]) => (job ? runSyncJob(job, context) : undefined);
  const register = (localConcurrency: number, minPriority?: number) =>
    boss.work(
      CABINET_SYNC_QUEUE,
      {
        includeMetadata: true,
        batchSize: 1,
        localConcurrency,
        pollingIntervalSeconds: tuning.pollingIntervalSeconds,
        // With a backlog (every cabinet due at once), fetch again at once instead of waiting a
        // poll after each job: otherwise one slot syncs at most one cabinet per poll interval.
        burstWhenReadyExceeds: 1,
        ...(minPriority === undefined ? {} : { minPriority }),
      },
      work,
    );

  return {
    async start() {
      await boss.start();
      await setUpQueues(boss, tuning);
      // One slot only takes initial syncs, so a new cabinet never waits behind periodic ones.
      if (concurrency > 1) {
        await register(concurrency - 1);
        await register(1, PRIORITY.initial);
      } else {
        await register(1);
      }
      scheduler.start();
      feedLoop?.start();
      logger.info(
        {
          syncIntervalSeconds: options.syncIntervalSeconds,
          concurrency,
          tickSeconds: tuning.tickSeconds,
          orderFeed: Boolean(feedLoop),
        },
        'worker started',
      );
    },
    stop() {
      stopping ??= (async () => {
        await scheduler.stop();
        // Feed reads and syncs wind down side by side, within the same timeout.
        const feedStopped = feedLoop?.stop();
        const abort = setTimeout(() => shutdown.abort(new Error('worker shutting down')), tuning.shutdownTimeoutMs);
        try {
          // Waits for running jobs; a job still running after the timeout is failed by pg-boss
          // (retried later, by any process) and its signal aborted.
          await boss.stop({ graceful: true, timeout: tuning.shutdownTimeoutMs + ABORT_GRACE_MS });
        } finally {
          clearTimeout(abort);
        }
        await feedStopped;
        await pool.end();
        logger.info('worker stopped');
      })();
      return stopping;
    },
  };
}
