import { afterAll, beforeAll, expect, it } from 'vitest';
import { consumeLoginLink } from '@wb-assist/core';
import { formatInteger } from '@wb-assist/domain';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, textOf, type System } from './testing/system.ts';

// Every page of the main menu, read against what the database holds.

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

it('shows orders, stocks, reviews, sync status, a working login link and help from the menu', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ИП Меню',
    historyDays: 3,
    traffic: quietTraffic(60),
  });
  const chat = new SellerChat(system, 9_900_001);
  const menu = await chat.connect(seller.sid);
  await system.tick();
  await system.emulator.control.addOrder(seller.sid);
  await system.tick();
  await system.emulator.control.addReview(seller.sid, { valuation: 1, text: 'Не подошёл размер' });
  await chat.waitFor('the review message', /Негативный отзыв/, menu.message_id);

  const back = async () => {
    chat.press(
      chat.inbox().find((m) => m.message_id === menu.message_id)!,
      /Меню/,
    );
    await chat.waitForEdit('the menu again', menu, /Главное меню/);
  };
  const open = async (button: RegExp, shows: RegExp) => {
    chat.press(
      chat.inbox().find((m) => m.message_id === menu.message_id)!,
      button,
    );
    return textOf(await chat.waitForEdit(`the ${button} page`, menu, shows));
  };

  // The dashboard's «Сегодня» (wb_daily_totals: statistics and the order feed). The shop is
  // live: an order may arrive while the screen is drawn, so it shows the figure before or after.
  const todayOrders = async () => {
    const { rows } = await system.pool.query<{ orders: number }>(
      `SELECT t.orders FROM cabinets c,
         wb_daily_totals(c.id, (now() AT TIME ZONE 'Europe/Moscow')::date, (now() AT TIME ZONE 'Europe/Moscow')::date, 'Europe/Moscow') t`,
    );
    return rows[0]!.orders;
  };
  const before = await todayOrders();
  const orders = await open(/Заказы/, /Последние заказы/);
  const after = await todayOrders();
  const shown = /Сегодня: ([\d\s]+) на /u.exec(orders)?.[1];
  expect(shown, orders).toBeDefined();
  expect([formatInteger(before), formatInteger(after)], orders).toContain(shown);
  expect(orders.split('\n').filter((line) => /МСК · /.test(line))).toHaveLength(10);
  await back();

  const { rows: critical } = await system.pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM (SELECT 1 FROM wb_stocks GROUP BY nm_id, size_key HAVING sum(quantity) <= 2) s`,
  );
  const stocks = await open(/Остатки/, /Критические остатки/);
  const listed = stocks.split('\n').filter((line) => /^(🔴|🟠) /u.test(line)).length;
  expect(listed).toBe(Math.min(20, critical[0]!.count));
  await back();

  const reviews = await open(/Отзывы/, /Негативные отзывы/);
  expect(reviews).toContain('★☆☆☆☆');
  expect(reviews).toContain('«Не подошёл размер»');
  await back();

  const sync = await open(/Статус синхронизации/, /Синхронизация/);
  expect(sync).toMatch(/Последняя: \d\d\.\d\d \d\d:\d\d МСК/);
  expect(sync).toMatch(/Результат: ✅ успешно/);
  await back();

  const web = await open(/Веб-кабинет/, /Войти в веб-кабинет/);
  const message = chat.inbox().find((m) => m.message_id === menu.message_id)!;
  const token = /login\/link\?token=([\w-]+)/.exec(message.text ?? '')?.[1];
  expect(web).toContain('одноразовая');
  expect(token).toBeDefined();
  const user = await system.prisma.user.findUniqueOrThrow({ where: { telegramId: BigInt(chat.chatId) } });
  expect(await consumeLoginLink(system.prisma, { token: token! })).toEqual({ userId: user.id });
  expect(await consumeLoginLink(system.prisma, { token: token! })).toBeNull();
  await back();

  const help = await open(/Помощь/, /Команды: \/start/);
  expect(help).toContain('/menu');
}, 180_000);
