import { resolveSecrets } from '@wb-assist/config';
import { cabinetCeiling, PostgresRateLimiter } from '@wb-assist/wb-api';
import type pg from 'pg';
import type { ApiConfig } from './config.ts';
import type { ApiEnv } from './env.ts';

export function apiConfigFromEnv(env: ApiEnv, pool: pg.Pool): ApiConfig {
  return {
    nodeEnv: env.NODE_ENV,
    webOrigin: new URL(env.PUBLIC_WEB_URL).origin,
    secureCookies: env.PUBLIC_API_URL.startsWith('https:'),
    botToken: env.BOT_TOKEN,
    telegramApiRoot: env.TELEGRAM_API_ROOT,
    // A bot runs wherever a token is configured (the demo's fake one included).
    botHealthUrl: env.BOT_TOKEN ? new URL('/readyz', env.BOT_INTERNAL_URL).href : undefined,
    demoTelegramId: env.DEMO_LOGIN_TELEGRAM_ID,
    wb: {
      hosts: {
        statistics: env.WB_STATISTICS_API_URL,
        analytics: env.WB_ANALYTICS_API_URL,
        feedbacks: env.WB_FEEDBACKS_API_URL,
        content: env.WB_CONTENT_API_URL,
        common: env.WB_COMMON_API_URL,
      },
      // Shared with the worker: a key check counts against the seller's WB budget too.
      limiter: new PostgresRateLimiter(pool, cabinetCeiling(env)),
      rateLimitScale: env.WB_RATE_LIMIT_SCALE,
      timeoutMs: env.WB_REQUEST_TIMEOUT_MS,
    },
    encryptionKey: resolveSecrets(env).encryptionKey,
    rateLimit: { burst: 60, perSecond: 10 },
  };
}
