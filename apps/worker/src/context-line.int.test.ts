import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSession } from '@wb-assist/core';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl, waitFor, waitUntilIdle } from '@wb-assist/db/testing';
import { countNoun, formatMoney, NOTIFICATION_REGISTRY, type NotificationType } from '@wb-assist/domain';
import { appEnv, startApi, startWorker, type AppProcess } from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { connectUser } from './testing/connect-user.ts';
import { startSignedBot, type SignedBot } from './testing/signed-bot.ts';

// The context line of a notification («Сегодня: 4 заказа на 5 250 ₽») must be the figure the
// dashboard shows as «Сегодня» for the same cabinet, zone and moment: every order of the day the
// sync stored, not only those notified.

const SECRET = randomBytes(24).toString('hex');
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-context-'));
let emulator: RunningEmulator;
let bot: SignedBot;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 11, profile: 'fast', publishIntervalMinutes: 0 });
  bot = await startSignedBot(SECRET);
});
afterAll(async () => {
  await bot?.close();
  await emulator.close();
  await prisma.$disconnect();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const localHour = (zone: string) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
const localDay = (zone: string, at = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
/**
 * A zone other than Moscow where it is far from midnight now, so "a few minutes ago" is today
 * and "a day ago" is yesterday there (one of the two always is: they are ten hours apart).
 */
const ZONE = ['Asia/Yekaterinburg', 'America/New_York'].find((zone) => localHour(zone) >= 3 && localHour(zone) < 21)!;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

it('quotes the dashboard’s «Сегодня» in the user’s zone: all stored orders of the day, cancelled ones as it counts them', async () => {
  const seller = await emulator.control.createSeller({ name: 'ИП Контекст' });
  const connected = await connectUser({ prisma, emulator, sid: seller.sid, telegramId: 515151n, encryptionKey });
  await pool.query('UPDATE users SET time_zone = $2 WHERE id = $1', [connected.userId, ZONE]);
  const session = await createSession(prisma, { userId: connected.userId, userAgent: 'vitest' });

  const env = await appEnv({
    databaseUrl: testDatabaseUrl(),
    dataDir,
    emulatorUrl: emulator.url,
    encryptionKey,
    webhookSecret: SECRET,
    extra: {
      WB_RATE_LIMIT_SCALE: '0.001',
      BOT_INTERNAL_URL: bot.url,
    },
  });
  const processes: AppProcess[] = [];
  const output = () => processes.map((child) => child.output()).join('');
  try {
    processes.push(startWorker({ env }));
    const api = await startApi({ env });
    processes.push(api);
    await waitFor(
      async () => {
        const { rows } = await pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [
          connected.cabinetId,
        ]);
        return rows[0]?.status === 'ready';
      },
      { timeoutMs: 60_000, what: 'the initial sync' },
    );
    await waitUntilIdle(pool, { syncs: 1 });

    // Orders the sync stored without a notification (as the initial sync's history is): two of
    // today, one of today cancelled today, one of yesterday cancelled today, one of yesterday.
    const stored: [srid: string, orderedAt: Date, price: string, cancelledAt: Date | null][] = [
      ['ctx-today-1', minutesAgo(40), '1000.50', null],
      ['ctx-today-2', minutesAgo(30), '2000.00', null],
      ['ctx-today-cancelled', minutesAgo(20), '3000.00', minutesAgo(10)],
      ['ctx-yesterday-cancelled', minutesAgo(25 * 60), '700.00', minutesAgo(5)],
      ['ctx-yesterday', minutesAgo(25 * 60), '5000.00', null],
    ];
    for (const [srid, orderedAt, price, cancelledAt] of stored) {
      await pool.query(
        `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, warehouse_name, supplier_article, nm_id,
           barcode, tech_size, total_price, discount_percent, spp, finished_price, price_with_disc, is_cancel, cancel_date)
         VALUES ($1, $2, $3, $3, 'Коледино', 'CTX-1', 1, '2000000000017', '0', $4, 0, 0, $4, $4, $5, $6)`,
        [connected.cabinetId, srid, orderedAt, price, cancelledAt !== null, cancelledAt],
      );
    }
    expect(localDay(ZONE, minutesAgo(40))).toBe(localDay(ZONE));
    expect(localDay(ZONE, minutesAgo(25 * 60))).not.toBe(localDay(ZONE));

    const delivered = async (type: NotificationType, srid: string) => {
      const delivery = await waitFor(
        async () =>
          bot.received.find((item) =>
            item.events.some((event) => event.type === type && (event.payload as { srid?: string }).srid === srid),
          ),
        { timeoutMs: 60_000, what: `the ${type} of ${srid}` },
      );
      return delivery.messages[0]?.text ?? '';
    };
    const today = async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({
          query: `query($id: ID!, $day: Date!) { cabinet(id: $id) {
            dailyStats(from: $day, to: $day) { orders orderedAmount cancellations buyouts revenue } } }`,
          variables: { id: connected.cabinetId, day: localDay(ZONE) },
        }),
      });
      const body = (await response.json()) as {
        data?: {
          cabinet: {
            dailyStats: {
              orders: number;
              orderedAmount: string;
              cancellations: number;
              buyouts: number;
              revenue: string;
            }[];
          };
        };
      };
      expect(body.data, JSON.stringify(body)).toBeDefined();
      return body.data!.cabinet.dailyStats[0]!;
    };
    const priceOf = async (srid: string) => {
      const { rows } = await pool.query<{ price: string }>(
        'SELECT price_with_disc::text AS price FROM wb_orders WHERE cabinet_id = $1 AND srid = $2',
        [connected.cabinetId, srid],
      );
      return Number(rows[0]!.price);
    };
    const line = (type: NotificationType, count: number, amount: number) =>
      `Сегодня: ${countNoun(count, NOTIFICATION_REGISTRY[type].labels.nounForms)} на ${formatMoney(amount)}`;

    // A new order: the message's day is the dashboard's day, and both count every stored order.
    const order = await emulator.control.addOrder(seller.sid);
    const orderText = await delivered('new_order', order.srid);
    await waitUntilIdle(pool);
    const price = await priceOf(order.srid);
    const dashboard = await today();
    expect(dashboard.orders, output()).toBe(4);
    // The amount is of the orders the count counts: the one cancelled today included.
    expect(Number(dashboard.orderedAmount)).toBeCloseTo(1000.5 + 2000 + 3000 + price, 2);
    expect(orderText).toContain(line('new_order', dashboard.orders, Number(dashboard.orderedAmount)));
    // Every price is named; the seller's is the dashboard's figure for this order.
    expect(orderText).toContain(`Цена продавца: <b>${formatMoney(price)}</b>`);
    expect(orderText).not.toMatch(/^Цена: /m);

    // Its cancellation: cancelled today, whenever ordered, at their prices.
    await emulator.control.cancelOrder(seller.sid, order.srid);
    const cancelText = await delivered('cancellation', order.srid);
    await waitUntilIdle(pool);
    const afterCancel = await today();
    expect(afterCancel.cancellations).toBe(3);
    expect(cancelText).toContain(line('cancellation', afterCancel.cancellations, 3000 + 700 + price));

    // A buyout of another order: the day's buyouts and their sum, the dashboard's revenue.
    const kept = await emulator.control.addOrder(seller.sid);
    await delivered('new_order', kept.srid);
    await emulator.control.buyOut(seller.sid, kept.srid);
    const buyoutText = await delivered('buyout', kept.srid);
    await waitUntilIdle(pool);
    const afterBuyout = await today();
    expect(afterBuyout.buyouts).toBe(1);
    expect(buyoutText).toContain(line('buyout', afterBuyout.buyouts, Number(afterBuyout.revenue)));
  } finally {
    for (const child of processes.reverse()) await child.stop();
  }
});
