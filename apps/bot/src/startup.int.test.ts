import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { freePort, testDatabaseUrl } from '@wb-assist/db/testing';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { inheritedEnv, startBot as startBotProcess, type AppProcess } from '@wb-assist/test-system';
import { BOT_TOKEN, textOf, waitFor } from './testing/system.ts';

// The bot process started while Telegram cannot be reached: it must say so in its JSON log and
// keep trying, not die with a stack trace, and come up by itself once Telegram answers.

const running: { bot?: AppProcess; telegram?: TelegramFake; dataDir?: string } = {};

afterEach(async () => {
  const { bot, telegram, dataDir } = running;
  await bot?.stop();
  await telegram?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface LogLine {
  level: number;
  msg: string;
  retryInMs?: number;
  error?: string;
}

/** The real bot process (apps/bot/src/main.ts) with Telegram's API at the given port. */
function startBot(telegramPort: number, botPort: number) {
  running.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bot-startup-'));
  const bot = startBotProcess({
    env: inheritedEnv({
      DATABASE_URL: testDatabaseUrl(),
      DATA_DIR: running.dataDir,
      BOT_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${telegramPort}`,
      BOT_PORT: String(botPort),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      INTERNAL_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    }),
  });
  running.bot = bot;
  return Object.assign(bot, {
    /** Every stdout line, parsed: one that is not JSON fails the test. */
    log: (): LogLine[] =>
      bot
        .stdout()
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as LogLine),
  });
}

const status = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => 0,
  );

it('keeps trying while Telegram is unreachable, logging JSON, and comes up once it answers', async () => {
  const telegramPort = await freePort();
  const botPort = await freePort();
  const bot = startBot(telegramPort, botPort);

  const retries = await waitFor('two logged retries', () => {
    bot.alive();
    const lines = bot.log().filter((line) => typeof line.retryInMs === 'number');
    return lines.length >= 2 ? lines : undefined;
  });
  expect(retries[0]).toMatchObject({ msg: expect.stringMatching(/Telegram/) as unknown });
  expect(retries[0]!.error).toMatch(/ECONNREFUSED/);
  // The first waits are short, and they grow.
  expect(retries[0]!.retryInMs).toBeLessThan(1_000);
  expect(retries[1]!.retryInMs).toBeGreaterThan(retries[0]!.retryInMs! / 2);
  // Alive meanwhile, not ready: the dashboard's monitoring sees a bot without Telegram.
  expect(await status(`http://127.0.0.1:${botPort}/healthz`)).toBe(200);
  expect(await status(`http://127.0.0.1:${botPort}/readyz`)).toBe(503);

  const telegram = await startTelegramFake({ tokens: [BOT_TOKEN], port: telegramPort });
  running.telegram = telegram;
  await waitFor('the bot ready', async () => {
    bot.alive();
    return (await status(`http://127.0.0.1:${botPort}/readyz`)) === 200 || undefined;
  });
  telegram.control.injectMessage(9_900_001, '/start');
  await waitFor(
    'the welcome',
    () =>
      telegram.control.messagesTo(9_900_001).some((message) => /Пришлите ключ WB API/.test(textOf(message))) ||
      undefined,
  );

  expect(bot.stderr()).not.toMatch(/^\s+at /m);
  expect(bot.output()).not.toContain(BOT_TOKEN.split(':')[1]);
  expect(() => bot.log()).not.toThrow();
});

it('stops with one JSON line, not a stack trace, when Telegram refuses the token', async () => {
  const telegram = await startTelegramFake({ tokens: ['777999:AAAnother-bot-token-not-ours_01'] });
  running.telegram = telegram;
  const bot = startBot(Number(new URL(telegram.url).port), await freePort());

  expect(await bot.exited).toBe(1);
  const fatal = bot.log().filter((line) => line.level >= 60);
  expect(fatal).toEqual([
    expect.objectContaining({ msg: expect.stringMatching(/BOT_TOKEN/), error: expect.stringMatching(/401/) }),
  ]);
  expect(bot.log().filter((line) => typeof line.retryInMs === 'number')).toEqual([]);
  expect(bot.stderr()).toBe('');
});
