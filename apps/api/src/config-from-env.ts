import { resolveSecrets } from '@wb-assist/config';
import { wbAccessFromEnv } from '@wb-assist/wb-api';
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
    demoTelegramControlUrl: env.DEMO_TELEGRAM_CONTROL_URL,
    wb: wbAccessFromEnv(env, pool),
    encryptionKey: resolveSecrets(env).encryptionKey,
    rateLimit: { burst: 60, perSecond: 10 },
  };
}
