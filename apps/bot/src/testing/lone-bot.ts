import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, testDatabaseUrl } from '@wb-assist/db/testing';
import { createLogger } from '@wb-assist/logger';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { startBotApp } from '../app.ts';
import { loadBotEnv } from '../env.ts';
import { BOT_TOKEN } from './system.ts';

export interface LoneBot {
  bot: Awaited<ReturnType<typeof startBotApp>>;
  telegram: TelegramFake;
  stop: () => Promise<void>;
}

/**
 * This bot in-process on the test file's database and the fake Bot API, connected to it, with
 * no worker or WB behind it: for tests of the bot's own HTTP side. `env` adds to or replaces
 * the defaults (a webhook URL, a known INTERNAL_WEBHOOK_SECRET).
 */
export async function startLoneBot(env: Record<string, string> = {}): Promise<LoneBot> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bot-lone-'));
  const telegram = await startTelegramFake({ tokens: [BOT_TOKEN] });
  const bot = await startBotApp({
    logger: createLogger({ name: 'bot', level: 'silent' }),
    env: loadBotEnv({
      DATABASE_URL: testDatabaseUrl(),
      DATA_DIR: dataDir,
      BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      BOT_PORT: String(await freePort()),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      INTERNAL_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      ...env,
    }),
  });
  await bot.telegram;
  return {
    bot,
    telegram,
    async stop() {
      await bot.stop();
      await telegram.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
