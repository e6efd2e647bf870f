import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl, waitUntilIdle } from '@wb-assist/db/testing';
import { BOT_NOTIFY_PATH, SIGNATURE_HEADER, verify, type BotDelivery } from '@wb-assist/delivery';
import { connectUser } from './testing/connect-user.ts';
import { appEnv, startWorker } from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';

const SECRET = randomBytes(24).toString('hex');
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-delivery-'));
const received: BotDelivery[] = [];
const refused: string[] = [];
let emulator: RunningEmulator;

/** Stands in for the bot's notification endpoint: checks the signature, answers "sent". */
const bot = http.createServer((req, res) => {
  // Read whole, then decoded: a Russian character split between two network chunks stays whole.
  void text(req).then((body) => {
    const verdict = verify(SECRET, body, req.headers[SIGNATURE_HEADER] as string | undefined);
    if (req.url !== BOT_NOTIFY_PATH || !verdict.ok) {
      refused.push(`${req.url} ${verdict.ok ? '' : verdict.reason}`);
      return void res.writeHead(401).end();
    }
    received.push(JSON.parse(body) as BotDelivery);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'sent' }));
  });
});

beforeAll(async () => {
  emulator = await startEmulator({ seed: 5, profile: 'fast', publishIntervalMinutes: 0 });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => bot.close(resolve));
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
        BOT_INTERNAL_URL: `http://127.0.0.1:${(bot.address() as net.AddressInfo).port}`,
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
    const fromHistory = received.length;

    const order = await emulator.control.addOrder(seller.sid);
    const delivery = await waitFor('the delivery', async () =>
      received.find((item) => item.events.some((event) => (event.payload as { srid?: string }).srid === order.srid)),
    );
    // A second delivery of the order would come from a sync or a retry: both are over by now.
    await waitUntilIdle(pool);

    expect(fromHistory, worker.output()).toBe(0);
    expect(refused).toEqual([]);
    expect(
      received.filter((item) => item.events.some((event) => (event.payload as { srid?: string }).srid === order.srid)),
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
    const questionDelivery = await waitFor('the question', async () => received.find(asked));
    await waitUntilIdle(pool);
    expect(received.filter(asked)).toHaveLength(1);
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
