import type { RateLimiter, WbHosts } from '@wb-assist/wb-api';

/** What the schema needs from the environment, decoupled from how it was loaded. */
export interface ApiConfig {
  nodeEnv: 'development' | 'test' | 'production';
  /** The dashboard's origin: the only one a browser may call the API from with credentials. */
  webOrigin: string;
  /** Session cookies get `Secure` when the API is served over https. */
  secureCookies: boolean;
  /** Checks Telegram login widget signatures; without it loginWithTelegram is refused. */
  botToken: string | undefined;
  /** Where the bot's API lives, to learn its @username for the login widget. */
  telegramApiRoot?: string;
  /** The bot's /readyz, for the dashboard's monitoring page; undefined when no bot runs. */
  botHealthUrl?: string;
  /** Demo mode: demoLogin signs in as this Telegram user; undefined disables it. */
  demoTelegramId: bigint | undefined;
  /** Demo mode: the fake Telegram's address, whose chat with the demo user the dashboard shows. */
  demoTelegramControlUrl?: string;
  wb: { hosts: WbHosts; limiter: RateLimiter; timeoutMs?: number; rateLimitScale?: number };
  encryptionKey: Buffer;
  /** Requests per caller: bucket size and refill per second. */
  rateLimit: { burst: number; perSecond: number };
}

/**
 * The demo user's Telegram id when demoLogin may be used. The environment check already
 * refuses a demo id in production; this second check keeps a config built another way
 * (tests, an embedding script) from opening a password-less login on a real deployment.
 */
export function demoTelegramId(config: Pick<ApiConfig, 'nodeEnv' | 'demoTelegramId'>): bigint | undefined {
  return config.nodeEnv === 'production' ? undefined : config.demoTelegramId;
}
