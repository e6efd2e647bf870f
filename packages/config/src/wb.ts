import { z } from 'zod';
import { httpUrl, positiveInt } from './fields.ts';

/** One base URL per WB host, so the project's emulator (or any other) can stand in for each. */
export const wbEnv = z.object({
  WB_STATISTICS_API_URL: httpUrl('https://statistics-api.wildberries.ru'),
  WB_ANALYTICS_API_URL: httpUrl('https://seller-analytics-api.wildberries.ru'),
  WB_FEEDBACKS_API_URL: httpUrl('https://feedbacks-api.wildberries.ru'),
  WB_CONTENT_API_URL: httpUrl('https://content-api.wildberries.ru'),
  WB_COMMON_API_URL: httpUrl('https://common-api.wildberries.ru'),
  /**
   * Our own ceiling on one cabinet's WB requests in any minute, over all hosts and methods and
   * every process (PostgresRateLimiter keeps it), on top of WB's per-method limits.
   */
  WB_API_RATE_LIMIT: positiveInt(30, 10_000),
  /** Minimum pause between two WB requests of one cabinet, in milliseconds; kept the same way. */
  WB_API_INTERVAL: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .default(2000),
  WB_REQUEST_TIMEOUT_MS: positiveInt(30_000, 600_000),
  /**
   * Multiplies WB's rate-limit intervals and our own ceiling's minute and interval. 1 for WB
   * itself; smaller only against the WB emulator running with the same scale (its fast profile
   * is 0.001), so tests keep their speed.
   */
  WB_RATE_LIMIT_SCALE: z.coerce
    .number({ error: 'must be a number' })
    .positive('must be above 0')
    .max(1, 'must be at most 1 (WB itself is 1)')
    .default(1),
});

export type WbEnv = z.output<typeof wbEnv>;
