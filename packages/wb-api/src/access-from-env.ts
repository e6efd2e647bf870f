import type pg from 'pg';
import type { WbHosts } from './http.ts';
import { cabinetCeiling } from './rate-limit/cabinet-ceiling.ts';
import type { RateLimiter } from './rate-limit/groups.ts';
import { PostgresRateLimiter } from './rate-limit/postgres.ts';

/** The WB settings every process reads (the WB_* variables of @wb-assist/config's wbEnv). */
export interface WbAccessEnv {
  WB_STATISTICS_API_URL: string;
  WB_ANALYTICS_API_URL: string;
  WB_FEEDBACKS_API_URL: string;
  WB_CONTENT_API_URL: string;
  WB_COMMON_API_URL: string;
  WB_API_RATE_LIMIT: number;
  WB_API_INTERVAL: number;
  WB_RATE_LIMIT_SCALE: number;
  WB_REQUEST_TIMEOUT_MS: number;
}

/** How a process reaches WB: where each host is, and the limiter and pace every client shares. */
export interface WbAccess {
  hosts: WbHosts;
  limiter: RateLimiter;
  rateLimitScale: number;
  timeoutMs: number;
}

/**
 * One mapping from the environment for the worker, the API and the bot. The limiter keeps its
 * state in PostgreSQL, so a key check in the bot counts against the same per-cabinet budget as
 * the worker's syncs.
 */
export function wbAccessFromEnv(env: WbAccessEnv, pool: pg.Pool): WbAccess {
  return {
    hosts: {
      statistics: env.WB_STATISTICS_API_URL,
      analytics: env.WB_ANALYTICS_API_URL,
      feedbacks: env.WB_FEEDBACKS_API_URL,
      content: env.WB_CONTENT_API_URL,
      common: env.WB_COMMON_API_URL,
    },
    limiter: new PostgresRateLimiter(pool, cabinetCeiling(env)),
    rateLimitScale: env.WB_RATE_LIMIT_SCALE,
    timeoutMs: env.WB_REQUEST_TIMEOUT_MS,
  };
}
