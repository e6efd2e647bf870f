import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@wb-assist/db';
import { freePort, testDatabaseUrl } from '@wb-assist/db/testing';
import { NOTIFICATION_DEFINITIONS } from '@wb-assist/domain';
import { createLogger } from '@wb-assist/logger';
import { startTelegramFake, type Message, type TelegramFake } from '@wb-assist/telegram-fake';
import {
  appEnv,
  inheritedEnv,
  startBot as startBotProcess,
  startWorker,
  waitForHttp,
  type AppProcess,
} from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { startBotApp } from '../app.ts';
import { loadBotEnv } from '../env.ts';

/** A token of the fake's bot that passes the config's BOT_TOKEN check. */
export const BOT_TOKEN = '777000:AAFake-token-for-the-bot-tests_01';

export interface System {
  emulator: RunningEmulator;
  telegram: TelegramFake;
  prisma: PrismaClient;
  pool: pg.Pool;
  workerOutput: () => string;
  /** Moves the emulator's clock a little, so the next action happens after the previous one. */
  tick: () => Promise<void>;
  /** Everything the bot sent to a chat, in its current (edited) state. */
  inbox: (chatId: number) => Message[];
  stop: () => Promise<void>;
}

/** What a test can do to a bot running as its own process. */
export interface BotProcess {
  /** SIGKILL: no shutdown, no bookkeeping, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** A fresh process on the same port and database, once Telegram and the database answer. */
  restart(): Promise<void>;
  output(): string;
}

/**
 * The whole path of a notification, for real: the WB emulator, a worker process syncing from it,
 * this bot (in-process, so a test can read its state through Telegram only) and the fake Bot API,
 * on this test file's PostgreSQL database.
 */
export async function startSystem(options: { publishIntervalMinutes?: number } = {}): Promise<System> {
  const { system } = await startParts({ ...options, botProcess: false });
  return system;
}

/** The same system with the bot as a real process of its own, which a test can kill and restart. */
export async function startSystemWithBotProcess(): Promise<System & { bot: BotProcess }> {
  const { system, bot } = await startParts({ botProcess: true });
  return { ...system, bot: bot! };
}

async function startParts(options: { publishIntervalMinutes?: number; botProcess: boolean }) {
  // A frozen emulator clock: the demo shop's history cannot produce a late buyout or review in
  // the middle of a test; tests move time forward themselves (tick) before each action.
  const encryptionKey = randomBytes(32);
  const secret = randomBytes(24).toString('hex');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bot-'));
  const emulator = await startEmulator({
    seed: 11,
    profile: 'fast',
    // Statistics publish at once unless a test asks for WB's real 30-minute cycle.
    publishIntervalMinutes: options.publishIntervalMinutes ?? 0,
    reportReadyMinutes: 0,
    frozenClock: true,
  });
  const telegram = await startTelegramFake({ tokens: [BOT_TOKEN] });
  const botPort = await freePort();
  const botEnv = {
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: dataDir,
    BOT_TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    BOT_PORT: String(botPort),
    WB_STATISTICS_API_URL: emulator.url,
    WB_ANALYTICS_API_URL: emulator.url,
    WB_FEEDBACKS_API_URL: emulator.url,
    WB_CONTENT_API_URL: emulator.url,
    WB_COMMON_API_URL: emulator.url,
    // The worker's scale: every process shares one record of the seller's WB requests, and a
    // key check at WB's real pace would find the worker's fast minute full and give up.
    WB_RATE_LIMIT_SCALE: '0.001',
    ENCRYPTION_KEY: encryptionKey.toString('base64'),
    INTERNAL_WEBHOOK_SECRET: secret,
    PUBLIC_WEB_URL: 'http://localhost:3999',
    LOG_LEVEL: 'warn',
  };
  const separate = options.botProcess ? await botProcess(botEnv) : undefined;
  const bot = separate ?? (await botInProcess(botEnv));

  const worker = startWorker({
    env: await appEnv({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      emulatorUrl: emulator.url,
      encryptionKey,
      webhookSecret: secret,
      extra: { WB_RATE_LIMIT_SCALE: '0.001', BOT_INTERNAL_URL: `http://127.0.0.1:${botPort}` },
    }),
  });

  const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
  const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
  const system: System = {
    emulator,
    telegram,
    prisma,
    pool,
    workerOutput: worker.output,
    tick: async () => {
      await emulator.control.advanceClock({ ms: 1_000 });
    },
    inbox: (chatId) => telegram.control.messagesTo(chatId),
    async stop() {
      await worker.stop();
      await bot.stop();
      await telegram.close();
      await emulator.close();
      await prisma.$disconnect();
      await pool.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return { system, bot: separate };
}

async function botInProcess(env: Record<string, string>): Promise<{ stop: () => Promise<void> }> {
  const bot = await startBotApp({ logger: createLogger({ name: 'bot', level: 'warn' }), env: loadBotEnv(env) });
  await bot.telegram;
  return bot;
}

async function botProcess(env: Record<string, string>): Promise<BotProcess & { stop: () => Promise<void> }> {
  let current: AppProcess | undefined;
  const start = async () => {
    const started = startBotProcess({ env: inheritedEnv(env) });
    current = started;
    await waitForHttp(`http://127.0.0.1:${env.BOT_PORT}/readyz`, { timeoutMs: 60_000, alive: () => started.alive() });
  };
  await start();
  return {
    async kill() {
      await current?.stop('SIGKILL');
    },
    restart: start,
    output: () => current?.output() ?? '',
    async stop() {
      await current?.stop();
    },
  };
}

export async function waitFor<T>(
  what: string,
  read: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A shop with a history but nothing left pending: every order's fate (cancel or buyout) came
 * within a minute of it, and no reviews or returns are scheduled, so a test's own actions are
 * the only events while it advances the clock by seconds.
 */
export function quietTraffic(ordersPerDay: number) {
  return {
    ordersPerDay,
    buyoutAfterHours: [0.005, 0.01],
    cancelAfterHours: [0.005, 0.01],
    returnRate: 0,
    reviewRate: 0,
  } as const;
}

export const textOf = (message: Message): string => message.text ?? message.caption ?? '';

/** Notification messages Telegram accepted: a heading of one of the six types. */
/** A notification's first line: one of the registry's emojis, then its bold title. */
const HEADING = new RegExp(
  `^(${NOTIFICATION_DEFINITIONS.map((definition) => definition.labels.emoji).join('|')}) <b>`,
  'u',
);

export function notificationsSent(system: System): string[] {
  return system.telegram.control
    .calls()
    .filter((call) => call.response.ok && (call.method === 'sendPhoto' || call.method === 'sendMessage'))
    .map((call) => String(call.params.caption ?? call.params.text ?? ''))
    .filter((text) => HEADING.test(text));
}
