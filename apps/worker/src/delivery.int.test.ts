import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl, waitUntilIdle } from '@wb-assist/db/testing';
import type { BotDelivery } from '@wb-assist/delivery';
import { connectUser } from './testing/connect-user.ts';
import { startSignedBot, type SignedBot } from './testing/signed-bot.ts';
import { appEnv, startWorker } from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';

const SECRET = randomBytes(24).toString('hex');
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-delivery-'));
let emulator: RunningEmulator;
let bot: SignedBot;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 5, profile: 'fast', publishIntervalMinutes: 0 });
  bot = await startSignedBot(SECRET);
});
afterAll(async () => {
  await bot?.close();
  await emulator.close();
  await prisma.$disconnect();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('delivers a new order to the bot, signed, rendered in Russian, once — and nothing from the initial sync', async () => {
  const seller = await emulator.control.createSeller({
    name: 'ИП Лебедева',
    historyDays: 3,
    traffic: { ordersPerDay: 30 },
  });
  const connected = await connectUser({ prisma, emulator, sid: seller.sid, telegramId: 424242n, encryptionKey });

  const worker = startWorker({
    env: await appEnv({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      emulatorUrl: emulator.url,
      encryptionKey,
      webhookSecret: SECRET,
      extra: {
        WB_RATE_LIMIT_SCALE: '0.001',
        BOT_INTERNAL_URL: bot.url,
      },
    }),
  });
  try {
    await waitFor('the initial sync', async () => {
      const { rows } = await pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [
        connected.cabinetId,
      ]);
      return rows[0]?.status === 'ready' ? true : undefined;
    });
    // Let a periodic sync or two pass: the history of the initial sync must stay silent.
    await waitUntilIdle(pool, { syncs: 2 });
    const fromHistory = bot.received.length;

    const order = await emulator.control.addOrder(seller.sid);
    const delivery = await waitFor('the delivery', async () =>
      bot.received.find((item) =>
        item.events.some((event) => (event.payload as { srid?: string }).srid === order.srid),
      ),
    );
    // A second delivery of the order would come from a sync or a retry: both are over by now.
    await waitUntilIdle(pool);

    expect(fromHistory, worker.output()).toBe(0);
    expect(bot.refused).toEqual([]);
    expect(
      bot.received.filter((item) =>
        item.events.some((event) => (event.payload as { srid?: string }).srid === order.srid),
      ),
    ).toHaveLength(1);
    expect(delivery.chatId).toBe('424242');
    const text = delivery.messages[0]?.text ?? '';
    expect(text).toMatch(/^🛒 <b>Новый заказ<\/b>/);
    expect(text).toContain(`(WB ${order.nmId})`);
    expect(text).toMatch(/\d\d\.\d\d \d\d:\d\d МСК/);
    expect(text).toMatch(/Сегодня: \d+\sзаказ/);
    expect(delivery.messages[0]?.photoUrl).toMatch(/^https:\/\/basket-\d+\.wbbasket\.ru\//);
    const { rows } = await pool.query<{ status: string }>(
      `SELECT status FROM notification_history WHERE event_key = $1`,
      [`${connected.cabinetId}:new_order:${order.srid}`],
    );
    expect(rows).toEqual([{ status: 'sent' }]);

    // A buyer question takes the same road: one message with the product, the words and the time.
    const product = seller.products[0]!;
    const question = await emulator.control.addQuestion(seller.sid, {
      nmId: product.nmId,
      text: 'Подойдёт ли <L> на рост 182 см?',
    });
    const asked = (item: BotDelivery) =>
      item.events.some((event) => (event.payload as { questionId?: string }).questionId === question.id);
    const questionDelivery = await waitFor('the question', async () => bot.received.find(asked));
    await waitUntilIdle(pool);
    expect(bot.received.filter(asked)).toHaveLength(1);
    const questionText = questionDelivery.messages[0]?.text ?? '';
    expect(questionText.split('\n').slice(0, 3)).toEqual([
      '❓ <b>Вопрос покупателя</b>',
      `<b>${product.title}</b> · ${seller.tradeMark}`,
      `Артикул: ${product.vendorCode} (WB ${product.nmId})`,
    ]);
    expect(questionText).toContain('«Подойдёт ли &lt;L&gt; на рост 182 см?»');
    expect(questionText).toMatch(/\n\d\d\.\d\d \d\d:\d\d МСК\n/);
    expect(questionText).toMatch(/Сегодня: 1\sвопрос покупателя$/);
  } finally {
    await worker.stop();
  }
});
