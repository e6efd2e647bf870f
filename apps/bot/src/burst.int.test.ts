import { afterAll, beforeAll, expect, it } from 'vitest';
import { MESSAGE_LIMIT } from '@wb-assist/domain';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, type System, waitFor } from './testing/system.ts';

// 200 orders at once for a cabinet with three members: grouped into a few messages per person,
// each within Telegram's 4096 characters, and Telegram never answers 429 (the bot keeps to one
// message a second per chat and 30 a second overall).

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

it('groups a burst of 200 orders and stays within Telegram’s limits', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ИП Быстров',
    historyDays: 1,
    traffic: quietTraffic(10),
  });
  const chats = [7_700_001, 7_700_002, 7_700_003].map((chatId) => new SellerChat(system, chatId));
  for (const chat of chats) await chat.connect(seller.sid);
  const before = system.telegram.control.calls().length;

  await system.tick();
  for (let i = 0; i < 200; i++) await system.emulator.control.addOrder(seller.sid);
  // The emulator's clock is frozen, so its WB limits refill only when the test moves it: a sync
  // that ran while the orders were still being added (a slow machine) may have spent the one
  // statistics slot the first tick gave, and without a second the rest would never be read.
  await system.tick();

  await waitFor(
    'every order delivered to every member',
    async () => {
      const { rows } = await system.pool.query<{ status: string; count: number }>(
        `SELECT status, count(*)::int AS count FROM notification_history WHERE type = 'new_order' GROUP BY status`,
      );
      return rows.length === 1 && rows[0]?.status === 'sent' && rows[0].count === 600 ? rows : undefined;
    },
    120_000,
  );
  const calls = system.telegram.control.calls().slice(before);
  const sends = calls.filter((call) => call.method === 'sendMessage' || call.method === 'sendPhoto');
  expect(
    system.telegram.control.calls().filter((call) => !call.response.ok && call.response.error_code === 429),
  ).toEqual([]);
  expect(sends.every((call) => call.response.ok)).toBe(true);
  for (const chat of chats) {
    const mine = sends.filter((call) => Number(call.params.chat_id) === chat.chatId);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThanOrEqual(12);
  }
  for (const call of sends) {
    expect(String(call.params.text ?? call.params.caption).length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  }
}, 240_000);
