import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateQuietHours } from '@wb-assist/core';
import { createPrismaClient } from '@wb-assist/db';
import { freePort, testDatabaseUrl, waitFor } from '@wb-assist/db/testing';
import { BOT_NOTIFY_PATH, deliverDue } from '@wb-assist/delivery';
import { createLogger } from '@wb-assist/logger';
import { syncCabinet } from '@wb-assist/sync';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { appEnv, startBot, startWorker, waitForHttp, type AppProcess } from '@wb-assist/test-system';
import { PostgresRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { renderForTelegram } from './delivery/render.ts';
import { connectUser } from './testing/connect-user.ts';

// Quiet hours end to end: the emulator's frozen clock is the clock of the syncs and of the
// delivery passes; the bot runs as its own process and talks to the fake Telegram, which
// records every call as Telegram received it (disable_notification included).

const BOT_TOKEN = '777000:AAFake-token-for-the-quiet-hrs_01';
const SECRET = randomBytes(24).toString('hex');
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-quiet-'));
const log = createLogger({ name: 'quiet-test', level: 'silent' });
let emulator: RunningEmulator;
let telegram: TelegramFake;
let bot: AppProcess;
let botEndpoint: string;
const children: AppProcess[] = [];

/** 23:00 in Moscow on 7 December 2026. */
const EVENING = Date.parse('2026-12-07T20:00:00Z');
const MINUTE = 60_000;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 23,
    profile: 'fast',
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    frozenClock: true,
    rateLimits: false,
    startAt: EVENING - 60 * MINUTE,
  });
  telegram = await startTelegramFake({ tokens: [BOT_TOKEN] });
  const botPort = await freePort();
  botEndpoint = `http://127.0.0.1:${botPort}${BOT_NOTIFY_PATH}`;
  const env = await appEnv({
    databaseUrl: testDatabaseUrl(),
    dataDir,
    emulatorUrl: emulator.url,
    encryptionKey,
    webhookSecret: SECRET,
    extra: {
      BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      BOT_PORT: String(botPort),
      PUBLIC_WEB_URL: 'http://localhost:3999',
    },
  });
  bot = startBot({ env });
  await waitForHttp(`http://127.0.0.1:${botPort}/readyz`, { timeoutMs: 60_000, alive: () => bot.alive() });
}, 90_000);
afterAll(async () => {
  for (const child of children) await child.stop('SIGKILL');
  await bot?.stop();
  await telegram?.close();
  await emulator?.close();
  await prisma.$disconnect();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const clock = async () => new Date((await emulator.control.now()).now);

async function sync(cabinetId: string, kind: 'initial' | 'periodic' = 'periodic') {
  const at = await clock();
  const outcome = await syncCabinet({
    pool,
    cabinetId,
    kind,
    now: () => at,
    wb: {
      hosts: emulator.hosts,
      limiter: new PostgresRateLimiter(pool),
      rateLimitScale: 0.001,
      maxWaitMs: 2_000,
      minBackoffMs: 20,
      retries: 3,
    },
    encryptionKey,
    settings: { initialSyncDays: 3, lookbackMinutes: 120 },
    log,
  });
  expect(outcome.status).toBe('done');
}

const deliver = (now: Date) =>
  deliverDue({ pool, endpoint: botEndpoint, secret: SECRET, render: renderForTelegram, now: () => now });

/** Delivery passes at `now` until none settles anything and nothing of the user's is pending. */
async function drain(userId: string, now: Date) {
  await waitFor(
    async () => {
      if ((await deliver(now)) > 0) return false;
      const { rows } = await pool.query<{ pending: number }>(
        `SELECT count(*)::int AS pending FROM notification_history WHERE user_id = $1 AND status = 'pending'`,
        [userId],
      );
      return rows[0]!.pending === 0;
    },
    { timeoutMs: 30_000, what: 'delivery to drain' },
  );
}

const statuses = async (userId: string) =>
  (
    await pool.query<{ type: string; status: string }>(
      `SELECT type::text, status::text FROM notification_history WHERE user_id = $1 ORDER BY occurred_at, id`,
      [userId],
    )
  ).rows;

/** What the bot sent this chat: each message's text, and whether Telegram was told to stay silent. */
const sentTo = (chatId: number) =>
  telegram.control
    .calls()
    .filter((call) => ['sendMessage', 'sendPhoto'].includes(call.method) && Number(call.params.chat_id) === chatId)
    .filter((call) => call.response.ok)
    .map((call) => ({
      text: String(call.params.text ?? call.params.caption ?? ''),
      silent: call.params.disable_notification === true,
    }));

async function connectedSeller(name: string, telegramId: number) {
  const seller = await emulator.control.createSeller({
    name,
    products: 3,
    initialStock: 10,
    historyDays: 1,
    traffic: { ordersPerDay: 0, returnRate: 0, reviewRate: 0 },
  });
  const connected = await connectUser({
    prisma,
    emulator,
    sid: seller.sid,
    telegramId: BigInt(telegramId),
    encryptionKey,
  });
  await sync(connected.cabinetId, 'initial');
  return { seller, ...connected };
}

it('holds the night’s events and sends one digest at 08:00, once even when the worker is killed at the release', async () => {
  const chat = 5_100_001;
  const { seller, userId, cabinetId } = await connectedSeller('ИП Тихонова', chat);
  await updateQuietHours(prisma, {
    userId,
    patch: { mode: 'digest', start: '23:00', end: '08:00', criticalStockBreaksThrough: true },
  });

  // 23:30: three orders and a one-star review; a size runs down to one unit.
  await emulator.control.setClock(EVENING + 30 * MINUTE);
  for (let n = 0; n < 3; n += 1) await emulator.control.addOrder(seller.sid);
  await emulator.control.addReview(seller.sid, { valuation: 1, text: 'Пришло не то' });
  const size = seller.products[0]!.sizes[0]!;
  const warehouse = seller.warehouses.find((w) => w.kind !== 'seller')!;
  for (const w of seller.warehouses) {
    await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: w.id, quantity: 0 });
  }
  await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: warehouse.id, quantity: 1 });
  await sync(cabinetId);
  await drain(userId, await clock());

  // Critical stock breaks through at once, with sound; the rest waits, as held rows.
  expect(sentTo(chat)).toEqual([{ text: expect.stringContaining('Критический остаток'), silent: false }]);
  expect(
    (await statuses(userId))
      .filter((row) => row.status === 'held')
      .map((row) => row.type)
      .sort(),
  ).toEqual(['negative_review', 'new_order', 'new_order', 'new_order']);

  // 07:59: still the night.
  await emulator.control.setClock(EVENING + 9 * 60 * MINUTE - MINUTE);
  await drain(userId, await clock());
  expect(sentTo(chat)).toHaveLength(1);

  // 08:00: a worker releases the digest and takes it to the bot, which is frozen (SIGSTOP), so
  // the request hangs; the worker is killed (SIGKILL) there. The bot then wakes with the dead
  // worker's request in its socket, and another pass takes over once the lease runs out.
  await emulator.control.setClock(EVENING + 9 * 60 * MINUTE);
  const morning = await clock();
  const progress = async () =>
    (
      await pool.query<{ attempts: number; held: number }>(
        `SELECT sum(attempts)::int AS attempts, count(*) FILTER (WHERE status = 'held')::int AS held
         FROM notification_history WHERE user_id = $1`,
        [userId],
      )
    ).rows[0]!;
  const before = await progress();
  bot.child.kill('SIGSTOP');
  try {
    const worker = startWorker({
      entry: 'apps/worker/src/testing/delivery-process.ts',
      env: {
        ...(await appEnv({
          databaseUrl: testDatabaseUrl(),
          dataDir,
          emulatorUrl: emulator.url,
          encryptionKey,
          webhookSecret: SECRET,
        })),
        BOT_ENDPOINT: botEndpoint,
        NOW: String(morning.getTime()),
        LEASE_SECONDS: '1',
      },
    });
    children.push(worker);
    await waitFor(
      async () => {
        const now = await progress();
        return now.held === 0 && now.attempts > before.attempts;
      },
      { timeoutMs: 30_000, what: 'the release and its claim' },
    );
    await worker.stop('SIGKILL');
  } finally {
    bot.child.kill('SIGCONT');
  }
  expect(sentTo(chat)).toHaveLength(1);
  await drain(userId, morning);

  const messages = sentTo(chat);
  expect(messages).toHaveLength(2);
  expect(messages[1]!.silent).toBe(false);
  expect((await statuses(userId)).map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  expect(messages[1]!.text).toMatchSnapshot('the digest at 08:00');

  // Nothing more: a later pass finds nothing held or pending, and Telegram got nothing new.
  await drain(userId, new Date(morning.getTime() + 60 * MINUTE));
  expect(sentTo(chat)).toHaveLength(2);
}, 120_000);

it('sends without sound in silent mode, and with sound once the window ends', async () => {
  const chat = 5_100_002;
  await emulator.control.setClock(EVENING + 24 * 60 * MINUTE);
  const { seller, userId, cabinetId } = await connectedSeller('ИП Шёпот', chat);
  await updateQuietHours(prisma, { userId, patch: { mode: 'silent', start: '23:00', end: '08:00' } });

  // 23:10: an order arrives silently.
  await emulator.control.setClock(EVENING + 24 * 60 * MINUTE + 10 * MINUTE);
  await emulator.control.addOrder(seller.sid);
  await sync(cabinetId);
  await drain(userId, await clock());
  expect(sentTo(chat)).toEqual([{ text: expect.stringContaining('Новый заказ'), silent: true }]);

  // 08:05: the next one rings.
  await emulator.control.setClock(EVENING + 33 * 60 * MINUTE + 5 * MINUTE);
  await emulator.control.addOrder(seller.sid);
  await sync(cabinetId);
  await drain(userId, await clock());
  expect(sentTo(chat).map((message) => message.silent)).toEqual([true, false]);
  expect((await statuses(userId)).map((row) => row.status)).toEqual(['sent', 'sent']);
}, 120_000);
