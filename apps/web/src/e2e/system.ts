import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerTelegramUser } from '@wb-assist/core';
import { createPrismaClient, type PrismaClient } from '@wb-assist/db';
import { freePort, testDatabaseUrl } from '@wb-assist/db/testing';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import {
  appEnv,
  inheritedEnv,
  startApi,
  startBot,
  startWeb,
  startWorker,
  waitForHttp,
  type AppProcess,
} from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator, type SellerSummary } from '@wb-assist/wb-emulator';
import { testDistEnv } from './build.ts';

export const DEMO_TELEGRAM_ID = 700_000_777n;
const BOT_TOKEN = '700000000:AAe2e-bot-token-local-fake-telegram';

/** The API as the tests see it: its GraphQL URL, and the database it runs on. */
export interface WebSystemApi {
  url: string;
  prisma: PrismaClient;
  pool: pg.Pool;
}

export interface WebSystem {
  emulator: RunningEmulator;
  seller: SellerSummary;
  /** A fresh full-access WB key of the seller, for the onboarding form. */
  sellerKey: string;
  api: WebSystemApi;
  webUrl: string;
  /** With `telegram`: the fake Bot API the bot process talks to, as in the demo. */
  telegram: TelegramFake | null;
  /**
   * Stops the emulator and starts it again on the same port and state file (kept in the
   * system's DATA_DIR, as `npm start` keeps the demo's), as a restarted `npm start` would.
   */
  restartEmulator: () => Promise<void>;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The whole system on this test file's database: the WB emulator (frozen clock, so only the
 * test adds orders), a real worker process, an API process with demo login enabled for a demo
 * user without a cabinet yet, and the dashboard's production build under `next start`.
 * `syncIntervalSeconds` (default 1) spaces a cabinet's syncs, for a test that needs a sync to
 * have happened moments ago but not to be due; `ordersPerDay` (default 20) sizes the shop.
 * `telegram` adds the demo's Telegram side: the fake Bot API and a bot process on it, with the
 * API showing the demo user's chat.
 */
export async function startWebSystem(
  options: { syncIntervalSeconds?: number; ordersPerDay?: number; telegram?: boolean } = {},
): Promise<WebSystem> {
  const encryptionKey = randomBytes(32);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-web-'));
  const emulatorOptions = {
    seed: 31,
    profile: 'fast',
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    frozenClock: true,
    stateFile: path.join(dataDir, 'wb-emulator.json'),
  } as const;
  let emulator = await startEmulator(emulatorOptions);
  const seller = await emulator.control.createSeller({
    name: 'ИП Дашборд',
    historyDays: 35,
    traffic: { ordersPerDay: options.ordersPerDay ?? 20 },
  });
  const { token: sellerKey } = await emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });

  const databaseUrl = testDatabaseUrl();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const prisma = createPrismaClient(databaseUrl, { poolSize: 4 });
  await registerTelegramUser(prisma, { telegramId: DEMO_TELEGRAM_ID, firstName: 'Демо', username: 'demo' });

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const telegram = options.telegram ? await startTelegramFake({ tokens: [BOT_TOKEN] }) : null;
  const botPort = await freePort();
  const env = await appEnv({
    databaseUrl,
    dataDir,
    emulatorUrl: emulator.url,
    encryptionKey,
    webhookSecret: randomBytes(16).toString('hex'),
    extra: {
      WB_RATE_LIMIT_SCALE: '0.001',
      BOT_INTERNAL_URL: telegram ? `http://127.0.0.1:${botPort}` : 'http://127.0.0.1:9',
      SYNC_INTERVAL: String(options.syncIntervalSeconds ?? 1),
    },
  });
  const stopTelegram = async () => {
    await telegram?.close();
  };
  const processes: AppProcess[] = [];
  const stopProcesses = () => Promise.all(processes.map((child) => child.stop()));
  try {
    const api = await startApi({
      env: {
        ...env,
        PUBLIC_WEB_URL: webUrl,
        DEMO_LOGIN_TELEGRAM_ID: String(DEMO_TELEGRAM_ID),
        ...(telegram ? { DEMO_TELEGRAM_CONTROL_URL: telegram.url } : {}),
      },
    });
    processes.push(api);
    processes.push(startWorker({ env }));
    if (telegram) {
      const bot = startBot({
        env: { ...env, BOT_TOKEN, TELEGRAM_API_ROOT: telegram.url, BOT_PORT: String(botPort), PUBLIC_WEB_URL: webUrl },
      });
      processes.push(bot);
      await waitForHttp(`http://127.0.0.1:${botPort}/readyz`, { timeoutMs: 60_000, alive: () => bot.alive() });
    }
    processes.push(
      await startWeb({
        port: webPort,
        env: inheritedEnv({ ...testDistEnv, PUBLIC_API_URL: new URL(api.url).origin, NODE_ENV: 'production' }),
      }),
    );
    const system: WebSystem = {
      emulator,
      seller,
      sellerKey,
      api: { url: api.url, prisma, pool },
      webUrl,
      telegram,
      async restartEmulator() {
        const port = Number(new URL(emulator.url).port);
        await emulator.close();
        emulator = await startEmulator({ ...emulatorOptions, port });
        system.emulator = emulator;
      },
      output: () => processes.map((child) => child.output()).join(''),
      async stop() {
        await stopProcesses();
        await stopTelegram();
        await emulator.close();
        await prisma.$disconnect();
        await pool.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return system;
  } catch (error) {
    await stopProcesses();
    await stopTelegram();
    await emulator.close();
    await prisma.$disconnect();
    await pool.end();
    throw error;
  }
}
