import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import type { BotDelivery } from '@wb-assist/delivery';
import { appEnv, startWorker as startProcess, type AppProcess } from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { connectUser } from './testing/connect-user.ts';
import { startSignedBot, type SignedBot } from './testing/signed-bot.ts';

// The real worker process killed with SIGKILL at the minute a morning summary is due, again
// and again: the summary reaches the bot once.

const SECRET = randomBytes(24).toString('hex');
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-summary-'));
const summaries: BotDelivery[] = [];
let emulator: RunningEmulator;
let bot: SignedBot;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 17, profile: 'fast', publishIntervalMinutes: 0 });
  bot = await startSignedBot(SECRET, (delivery) => {
    if (delivery.events.some((event) => event.type === 'morning_summary')) summaries.push(delivery);
  });
});
afterAll(async () => {
  await bot?.close();
  await emulator.close();
  await prisma.$disconnect();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startWorker(): Promise<AppProcess> {
  return startProcess({
    entry: 'apps/worker/src/testing/chaos-worker.ts',
    env: await appEnv({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      emulatorUrl: emulator.url,
      encryptionKey,
      webhookSecret: SECRET,
      extra: { WB_RATE_LIMIT_SCALE: '0.001', BOT_INTERNAL_URL: bot.url, PUBLIC_WEB_URL: 'https://dash.example' },
    }),
  });
}

async function waitFor(what: string, check: () => Promise<boolean>) {
  for (let i = 0; i < 600; i += 1) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('a worker killed at the scheduled minute, again and again, sends the summary once', async () => {
  const seller = await emulator.control.createSeller({ name: 'ИП Утро', products: 3 });
  const { userId, cabinetId } = await connectUser({
    prisma,
    emulator,
    sid: seller.sid,
    telegramId: 778_001n,
    encryptionKey,
  });
  let worker = await startWorker();
  await waitFor('the initial sync', async () => {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [cabinetId]);
    return rows[0]?.status === 'ready';
  });
  await worker.stop('SIGKILL');

  // Due this very minute, in the user's zone.
  await pool.query(
    `UPDATE users SET time_zone = 'UTC',
       morning_summary_minute = extract(hour FROM now() AT TIME ZONE 'UTC') * 60 + extract(minute FROM now() AT TIME ZONE 'UTC'),
       next_summary_at = date_trunc('minute', now())
     WHERE id = $1`,
    [userId],
  );
  for (const delayMs of [0, 40, 120, 250]) {
    worker = await startWorker();
    await sleep(delayMs);
    await worker.stop('SIGKILL');
  }
  worker = await startWorker();
  await waitFor('the summary to be scheduled for tomorrow', async () => {
    const { rows } = await pool.query<{ done: boolean }>(
      `SELECT next_summary_at > now() + interval '12 hours' AS done FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.done === true;
  });
  await waitFor('delivery to drain', async () => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_history WHERE user_id = $1 AND type = 'morning_summary' AND status = 'pending'`,
      [userId],
    );
    return rows[0]?.n === 0;
  });
  await worker.stop();

  const { rows } = await pool.query<{ status: string }>(
    `SELECT status FROM notification_history WHERE user_id = $1 AND type = 'morning_summary'`,
    [userId],
  );
  expect(rows).toEqual([{ status: 'sent' }]);
  expect(summaries.flatMap((delivery) => delivery.notificationIds)).toHaveLength(1);
}, 120_000);
