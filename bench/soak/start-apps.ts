import path from 'node:path';
import { freePort } from '@wb-assist/db/testing';
import { superviseProcess, type SupervisedProcess } from './supervised-process.ts';

export interface Apps {
  bot: SupervisedProcess;
  workers: SupervisedProcess[];
  botPort: number;
}

export interface AppsOptions {
  repoRoot: string;
  logDir: string;
  databaseUrl: string;
  emulatorUrl: string;
  telegramUrl: string;
  botToken: string;
  encryptionKey: Buffer;
  webhookSecret: string;
  syncIntervalSeconds: number;
  rateLimitScale: number;
  workers: number;
  workerConcurrency: number;
  workerEntry: string;
}

/**
 * The bot and the workers as the real programs (`apps/bot/src/main.ts`, the worker entry), each
 * its own process with the environment an operator would give it: the soak's database, every
 * WB host on the emulator, Telegram on the fake. Nothing of this process's environment leaks in
 * (a test run's DATABASE_URL would point them at another database).
 */
export async function startApps(options: AppsOptions): Promise<Apps> {
  const botPort = await freePort();
  const common: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.logDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    WB_STATISTICS_API_URL: options.emulatorUrl,
    WB_ANALYTICS_API_URL: options.emulatorUrl,
    WB_FEEDBACKS_API_URL: options.emulatorUrl,
    WB_CONTENT_API_URL: options.emulatorUrl,
    WB_COMMON_API_URL: options.emulatorUrl,
    WB_RATE_LIMIT_SCALE: String(options.rateLimitScale),
    SYNC_INTERVAL: String(options.syncIntervalSeconds),
    ENCRYPTION_KEY: options.encryptionKey.toString('base64'),
    INTERNAL_WEBHOOK_SECRET: options.webhookSecret,
    BOT_INTERNAL_URL: `http://127.0.0.1:${botPort}`,
  };
  const bot = superviseProcess({
    name: 'bot',
    cwd: options.repoRoot,
    args: ['apps/bot/src/main.ts'],
    env: { ...common, BOT_TOKEN: options.botToken, TELEGRAM_API_ROOT: options.telegramUrl, BOT_PORT: String(botPort) },
    healthUrl: `http://127.0.0.1:${botPort}/healthz`,
    logFile: path.join(options.logDir, 'bot.log'),
  });
  const workers: SupervisedProcess[] = [];
  for (let i = 1; i <= options.workers; i++) {
    const port = await freePort();
    workers.push(
      superviseProcess({
        name: `worker-${i}`,
        cwd: options.repoRoot,
        // The production start flag (apps/worker/package.json, the Dockerfile's NODE_OPTIONS).
        args: ['--max-semi-space-size=16', options.workerEntry],
        env: { ...common, WORKER_PORT: String(port), WORKER_CONCURRENCY: String(options.workerConcurrency) },
        healthUrl: `http://127.0.0.1:${port}/healthz`,
        logFile: path.join(options.logDir, `worker-${i}.log`),
      }),
    );
  }
  await Promise.all([bot.start(), ...workers.map((worker) => worker.start())]);
  return { bot, workers, botPort };
}
