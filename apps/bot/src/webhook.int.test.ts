import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createLogger } from '@wb-assist/logger';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { freePort } from '../../worker/src/testing/worker-env.ts';
import { startBotApp } from './app.ts';
import { loadBotEnv } from './env.ts';
import { BOT_TOKEN, textOf, waitFor } from './testing/system.ts';

// With a public URL the bot takes updates by webhook: it registers the URL and its secret with
// Telegram and refuses any POST that does not carry that secret.

const SECRET = 'webhook-secret-0123456789abcdef';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bot-webhook-'));
let telegram: TelegramFake;
let bot: Awaited<ReturnType<typeof startBotApp>>;

beforeAll(async () => {
  telegram = await startTelegramFake({ tokens: [BOT_TOKEN] });
  bot = await startBotApp({
    logger: createLogger({ name: 'bot', level: 'silent' }),
    env: loadBotEnv({
      DATABASE_URL: testDatabaseUrl(),
      DATA_DIR: dataDir,
      BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      BOT_PORT: String(await freePort()),
      WEBHOOK_URL: 'https://bot.example.com/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      INTERNAL_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
    }),
  });
  await bot.telegram;
});
afterAll(async () => {
  await bot.stop();
  await telegram.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const update = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Олег' },
    from: { id: chatId, is_bot: false, first_name: 'Олег' },
    text,
  },
});

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${bot.port}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(body),
  });

it('registers its webhook with the secret, refuses forged updates and answers real ones', async () => {
  const registered = telegram.control.calls().find((call) => call.method === 'setWebhook');
  expect(registered?.params).toMatchObject({
    url: 'https://bot.example.com/telegram/webhook',
    secret_token: SECRET,
  });
  expect(telegram.control.calls().some((call) => call.method === 'getUpdates')).toBe(false);

  expect((await post(update(1, 8_800_001, '/start'))).status).toBe(403);
  expect((await post(update(2, 8_800_001, '/start'), 'wrong-secret-0123456789')).status).toBe(403);
  expect((await post(update(3, 8_800_002, '/start'), SECRET)).status).toBe(200);

  await waitFor(
    'the welcome',
    () =>
      telegram.control.messagesTo(8_800_002).some((message) => /Пришлите ключ WB API/.test(textOf(message))) ||
      undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(telegram.control.messagesTo(8_800_001)).toEqual([]);
});
