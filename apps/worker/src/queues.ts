import type { PgBoss, Queue } from 'pg-boss';

/** One queue for every cabinet sync, so one singletonKey per cabinet covers every kind of sync. */
export const CABINET_SYNC_QUEUE = 'cabinet-sync';
/** Jobs that failed every retry land here for an operator to inspect or redrive; nothing works it. */
export const CABINET_SYNC_DEAD_LETTER_QUEUE = 'cabinet-sync-dead-letter';

/** Initial syncs jump the queue and have a reserved worker slot: a new user waits for them. */
export const PRIORITY = { initial: 10, periodic: 0 } as const;

export interface RetryPolicy {
  /** Retries after the first attempt; then the job is dead-lettered. */
  limit: number;
  /** Base of the exponential backoff (pg-boss: delay * 2^n with jitter). */
  delaySeconds: number;
  /** The backoff never waits longer than this. */
  delayMaxSeconds: number;
}

/** About 15 s, 30 s, 1 min, 2 min, 4 min (each up to twice that with jitter, capped at 5 min). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { limit: 5, delaySeconds: 15, delayMaxSeconds: 300 };

export interface CabinetSyncQueueOptions {
  retry: RetryPolicy;
  /** How long one sync may run before pg-boss fails it (and aborts the handler's signal). */
  expireInSeconds: number;
  /**
   * Heartbeat of a running job: a worker process that dies mid-sync stops beating and its job is
   * retried after this, instead of blocking the cabinet until the job expires.
   */
  heartbeatSeconds: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

function cabinetSyncQueue(options: CabinetSyncQueueOptions): Omit<Queue, 'name' | 'policy'> {
  return {
    retryLimit: options.retry.limit,
    retryDelay: options.retry.delaySeconds,
    retryBackoff: true,
    retryDelayMax: options.retry.delayMaxSeconds,
    expireInSeconds: options.expireInSeconds,
    heartbeatSeconds: options.heartbeatSeconds,
    // A queued sync older than a day is stale; the schedule in `cabinets` sends a fresh one.
    retentionSeconds: DAY,
    // Finished jobs are only for debugging; WBSyncLog is the history.
    deleteAfterSeconds: 6 * HOUR,
    deadLetter: CABINET_SYNC_DEAD_LETTER_QUEUE,
  };
}

/**
 * Creates the queues, or brings an existing one's settings up to date (createQueue leaves an
 * existing queue as it is). Safe to run from several processes at once.
 *
 * `exclusive`: at most one job per cabinet (singletonKey) is queued, waiting for a retry, or
 * running, across every worker process. So a cabinet never syncs twice at once, and the
 * scheduler can never pile up syncs for a slow cabinet.
 */
export async function setUpQueues(boss: PgBoss, options: CabinetSyncQueueOptions): Promise<void> {
  const deadLetter = { retentionSeconds: 14 * DAY, deleteAfterSeconds: 14 * DAY };
  await boss.createQueue(CABINET_SYNC_DEAD_LETTER_QUEUE, { policy: 'standard', ...deadLetter });
  await boss.updateQueue(CABINET_SYNC_DEAD_LETTER_QUEUE, deadLetter);
  const queue = cabinetSyncQueue(options);
  await boss.createQueue(CABINET_SYNC_QUEUE, { policy: 'exclusive', ...queue });
  await boss.updateQueue(CABINET_SYNC_QUEUE, queue);
}
