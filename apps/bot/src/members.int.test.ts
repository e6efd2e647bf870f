import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitUntilIdle } from '@wb-assist/db/testing';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, textOf, type System, waitFor } from './testing/system.ts';

// A cabinet shared by two people: each gets what their own settings ask for, and a person who
// blocked the bot is not written to again.

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

const sends = (chatId: number) =>
  system.telegram.control
    .calls()
    .filter(
      (call) =>
        (call.method === 'sendPhoto' || call.method === 'sendMessage') && Number(call.params.chat_id) === chatId,
    );
const orderMessages = (chat: SellerChat) => chat.inbox().filter((message) => /Новый заказ/.test(textOf(message)));
const cancelMessages = (chat: SellerChat) => chat.inbox().filter((message) => /Отмена заказа/.test(textOf(message)));

it('invites a teammate, honours each member’s settings, and stops writing to who blocked the bot', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ООО Ромашка',
    historyDays: 2,
    traffic: quietTraffic(20),
  });
  const owner = new SellerChat(system, 6_600_001);
  const mate = new SellerChat(system, 6_600_002);
  const ownerMenu = await owner.connect(seller.sid);

  // The owner invites; the teammate opens the link and is in, with no key of their own.
  owner.press(ownerMenu, /Кабинеты/);
  const cabinets = await owner.waitForEdit('the cabinets screen', ownerMenu, /Пригласить/);
  owner.press(cabinets, /Пригласить/);
  const invite = await owner.waitForEdit('the invite link', ownerMenu, /t\.me\/\w+\?start=inv_/);
  const code = /start=(inv_[\w-]+)/.exec(textOf(invite))?.[1];
  expect(code).toBeDefined();
  mate.say(`/start ${code}`);
  const mateMenu = await mate.waitFor('the teammate menu', /Вы присоединились к «ООО Ромашка»[\s\S]*Главное меню/);

  // The teammate does not want order messages.
  mate.press(mateMenu, /Уведомления/);
  const settings = await mate.waitForEdit('the settings screen', mateMenu, /Новые заказы/);
  mate.press(settings, /Новые заказы/);
  await mate.waitForEdit('the toggle redrawn', mateMenu, /⬜️ Новые заказы/);

  await system.tick();
  const order = await system.emulator.control.addOrder(seller.sid);
  await waitFor('the owner’s order message', () => orderMessages(owner).length === 1 || undefined);
  await system.tick();
  await system.emulator.control.cancelOrder(seller.sid, order.srid);
  await waitFor(
    'both cancellation messages',
    () => (cancelMessages(owner).length === 1 && cancelMessages(mate).length === 1) || undefined,
  );
  expect(orderMessages(mate)).toEqual([]);
  const mateHistory = await system.pool.query<{ type: string; status: string }>(
    `SELECT h.type, h.status FROM notification_history h JOIN users u ON u.id = h.user_id
     WHERE u.telegram_id = $1 ORDER BY h.id`,
    [mate.chatId],
  );
  expect(mateHistory.rows).toEqual([
    { type: 'new_order', status: 'suppressed' },
    { type: 'cancellation', status: 'sent' },
  ]);

  // The owner blocks the bot: the next message is refused once (403), then nothing more.
  system.telegram.control.blockChat(owner.chatId);
  const attemptsBefore = sends(owner.chatId).length;
  await system.tick();
  await system.emulator.control.addOrder(seller.sid);
  await waitFor('the owner marked inactive', async () => {
    const { rows } = await system.pool.query<{ is_active: boolean }>(
      'SELECT is_active FROM users WHERE telegram_id = $1',
      [owner.chatId],
    );
    return rows[0]?.is_active === false || undefined;
  });
  await system.tick();
  const later = await system.emulator.control.addOrder(seller.sid);
  await system.tick();
  await system.emulator.control.cancelOrder(seller.sid, later.srid);
  await waitFor('the teammate’s cancellation', () => cancelMessages(mate).length === 2 || undefined);
  // The owner's share of those events was fanned out with the teammate's: wait until it is settled.
  // No fresh sync: on the frozen shop clock syncs wait on WB's rate limit until time moves.
  await waitUntilIdle(system.pool, { syncs: 0 });
  const refused = sends(owner.chatId).slice(attemptsBefore);
  expect(refused.map((call) => (call.response.ok ? 'ok' : call.response.error_code))).toEqual([403]);
  const ownerHistory = await system.pool.query<{ status: string; reason: string | null }>(
    `SELECT h.status, h.reason FROM notification_history h JOIN users u ON u.id = h.user_id
     WHERE u.telegram_id = $1 ORDER BY h.id`,
    [owner.chatId],
  );
  expect(ownerHistory.rows.slice(2)).toEqual([
    { status: 'failed', reason: 'user_blocked_bot' },
    { status: 'suppressed', reason: 'user_blocked_bot' },
    { status: 'suppressed', reason: 'user_blocked_bot' },
  ]);
}, 180_000);
