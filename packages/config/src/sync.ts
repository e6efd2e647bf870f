import { z } from 'zod';
import { bool, port, positiveInt } from './fields.ts';

export const syncEnv = z.object({
  /** Seconds between two syncs of one cabinet (the specification's SYNC_INTERVAL). */
  SYNC_INTERVAL: positiveInt(180, 86_400),
  /** Days of history the initial sync loads; WB keeps 90. */
  INITIAL_SYNC_DAYS: positiveInt(30, 90),
  /** Each sync re-reads this many minutes before its watermark: WB rows arrive late. */
  SYNC_LOOKBACK_MINUTES: positiveInt(120, 7 * 24 * 60),
  /** The worker's /metrics and /healthz. */
  WORKER_PORT: port(4200),
  /** Cabinets synced at once by one worker process. */
  WORKER_CONCURRENCY: positiveInt(8, 256),
  /**
   * Whether workers read WB's real-time order feed for the keys that allow it. Off, orders come
   * from statistics alone, up to 30 minutes late: the order-feed benchmark measures both.
   */
  ORDER_FEED_ENABLED: bool(true),
  /** Default available units at or below which a product size is critical. */
  CRITICAL_STOCK_THRESHOLD: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(2),
});

export type SyncEnv = z.output<typeof syncEnv>;
