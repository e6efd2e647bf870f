import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { wbAccessFromEnv } from './access-from-env.ts';
import { PostgresRateLimiter } from './rate-limit/postgres.ts';

describe('wbAccessFromEnv', () => {
  it('sends each WB host to its own variable and carries the pace settings', () => {
    const access = wbAccessFromEnv(
      {
        WB_STATISTICS_API_URL: 'http://statistics.test',
        WB_ANALYTICS_API_URL: 'http://analytics.test',
        WB_FEEDBACKS_API_URL: 'http://feedbacks.test',
        WB_CONTENT_API_URL: 'http://content.test',
        WB_COMMON_API_URL: 'http://common.test',
        WB_API_RATE_LIMIT: 30,
        WB_API_INTERVAL: 2_000,
        WB_RATE_LIMIT_SCALE: 0.5,
        WB_REQUEST_TIMEOUT_MS: 7_000,
      },
      {} as pg.Pool,
    );
    expect(access.hosts).toEqual({
      statistics: 'http://statistics.test',
      analytics: 'http://analytics.test',
      feedbacks: 'http://feedbacks.test',
      content: 'http://content.test',
      common: 'http://common.test',
    });
    expect(access.limiter).toBeInstanceOf(PostgresRateLimiter);
    expect(access).toMatchObject({ rateLimitScale: 0.5, timeoutMs: 7_000 });
  });
});
