import { freePort } from '@wb-assist/db/testing';

/**
 * The environment of this test process without its own database settings: a child must get
 * the database it is told to use, never the test run's by inheritance.
 */
export function inheritedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, WB_TEST_ADMIN_DATABASE_URL: _admin, ...inherited } = process.env;
  return { ...inherited, ...extra };
}

/**
 * The environment of a real app process (worker, API, bot) in a test: this file's database,
 * every WB host on the emulator, the secrets the test uses, a fast sync interval and a free
 * metrics port for a worker, and nothing of the test run's own DATABASE_URL.
 */
export async function appEnv(options: {
  databaseUrl: string;
  dataDir: string;
  emulatorUrl: string;
  encryptionKey: Buffer;
  webhookSecret: string;
  extra?: Record<string, string>;
}): Promise<NodeJS.ProcessEnv> {
  return inheritedEnv({
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    SYNC_INTERVAL: '1',
    WORKER_PORT: String(await freePort()),
    WB_STATISTICS_API_URL: options.emulatorUrl,
    WB_ANALYTICS_API_URL: options.emulatorUrl,
    WB_FEEDBACKS_API_URL: options.emulatorUrl,
    WB_CONTENT_API_URL: options.emulatorUrl,
    WB_COMMON_API_URL: options.emulatorUrl,
    ENCRYPTION_KEY: options.encryptionKey.toString('base64'),
    INTERNAL_WEBHOOK_SECRET: options.webhookSecret,
    LOG_LEVEL: 'warn',
    ...options.extra,
  });
}
