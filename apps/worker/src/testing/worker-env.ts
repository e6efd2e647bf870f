import { freePort } from '@wb-assist/db/testing';

export { freePort };

/**
 * The environment of a real worker process in a test: this file's database, every WB host on
 * the emulator, the secrets the test uses, and nothing of the test run's own DATABASE_URL.
 */
export async function workerEnv(options: {
  databaseUrl: string;
  dataDir: string;
  emulatorUrl: string;
  encryptionKey: Buffer;
  webhookSecret: string;
  extra?: Record<string, string>;
}): Promise<NodeJS.ProcessEnv> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return {
    ...inherited,
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
  };
}
