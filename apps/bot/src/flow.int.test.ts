import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitUntilIdle } from '@wb-assist/db/testing';
import type { Message } from '@wb-assist/telegram-fake';
import { notificationsSent, quietTraffic, startSystem, textOf, type System, waitFor } from './testing/system.ts';

// The specification's whole flow, as a seller lives it in Telegram: /start, a bad key, a good
// key, the initial sync's progress, the menu; then one message per event, settings that take
// effect, and nothing from the history the initial sync loaded.

let system: System;
const CHAT = 5_550_001;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

const inbox = () => system.inbox(CHAT);
const find = (pattern: RegExp) => inbox().filter((message) => pattern.test(textOf(message)));
const waitForMessage = (what: string, pattern: RegExp, after = 0, timeoutMs = 30_000) =>
  waitFor(
    what,
    () => inbox().find((message) => message.message_id > after && pattern.test(textOf(message))),
    timeoutMs,
  );
const lastId = () => Math.max(0, ...inbox().map((message) => message.message_id));
const press = (message: Message, data: string) =>
  system.telegram.control.injectCallback(CHAT, message.message_id, data);
const callbackData = (message: Message, text: RegExp): string => {
  const keyboard = (message.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] })
    ?.inline_keyboard;
  const button = keyboard?.flat().find((b) => text.test(b.text));
  if (!button?.callback_data) throw new Error(`no button ${text} under message ${message.message_id}`);
  return button.callback_data;
};

it('walks a seller from /start to live notifications that follow their settings', async () => {
  const { emulator, telegram, pool } = system;
  const seller = await emulator.control.createSeller({
    name: 'ИП Соколова',
    historyDays: 5,
    traffic: quietTraffic(40),
  });
  const size = seller.products[0]!.sizes[0]!;
  const [w1, w2, ...others] = seller.warehouses.filter((warehouse) => warehouse.kind === 'wb');
  const setStock = async (a: number, b: number) => {
    await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: w1!.id, quantity: a });
    await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: w2!.id, quantity: b });
    for (const other of others) {
      await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: other.id, quantity: 0 });
    }
  };
  await setStock(3, 3);

  // /start: registered once, asked for a key; a second /start changes nothing.
  telegram.control.injectMessage(CHAT, '/start', { first_name: 'Анна', username: 'anna_seller' });
  await waitForMessage('the welcome', /Пришлите ключ WB API/);
  telegram.control.injectMessage(CHAT, '/start');
  await waitFor('the second welcome', () => find(/Пришлите ключ WB API/).length === 2);
  const users = await pool.query('SELECT telegram_id::text, username FROM users');
  expect(users.rows).toEqual([{ telegram_id: String(CHAT), username: 'anna_seller' }]);
  expect(inbox().some((message) => /^🏠 <b>Главное меню/.test(textOf(message)))).toBe(false);

  // A bad key: deleted at once, refused with its own reason.
  const bad = telegram.control.injectMessage(CHAT, 'definitely-not-a-wb-key-1234567890');
  await waitFor('the refusal', () => find(/Это не похоже на ключ WB API/).length === 1 || undefined);
  const deleted = () =>
    telegram.control
      .calls()
      .filter((call) => call.method === 'deleteMessage')
      .map((call) => Number(call.params.message_id));
  expect(deleted()).toContain(bad.message_id);

  // The good key: deleted, accepted, progress edited stage by stage, then the menu.
  const { token } = await emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const good = telegram.control.injectMessage(CHAT, token);
  // Asked at once: the bot handles a chat's messages in order, so this comes right after the key.
  const impatient = telegram.control.injectMessage(CHAT, 'ну что там?');
  const progress = await waitForMessage('the progress message', /Кабинет «ИП Соколова» подключён/, good.message_id);
  expect(deleted()).toContain(good.message_id);
  expect(deleted()).not.toContain(impatient.message_id);
  expect(textOf(progress)).toContain(
    'Будут приходить: заказы, выкупы, отмены, возвраты, негативные отзывы, вопросы покупателей, критические остатки, прогноз остатков, всплески отмен и возвратов, срок действия ключа, утренняя сводка.',
  );
  await waitForMessage('the gate', /Синхронизация идёт, \d+%\. Главное меню пришлю/, good.message_id);
  const menu = await waitForMessage('the main menu', /^🏠 <b>Главное меню/, good.message_id, 60_000);
  await waitFor(
    'the progress message to finish',
    () =>
      /Данные загружены/.test(textOf(inbox().find((message) => message.message_id === progress.message_id)!)) ||
      undefined,
  );
  expect(find(/^🏠 <b>Главное меню/)).toHaveLength(1);
  const edits = telegram.control
    .calls()
    .filter((call) => call.method === 'editMessageText' && Number(call.params.message_id) === progress.message_id)
    .map((call) => String(call.params.text));
  expect(edits.some((text) => /▰*▱+ \d+%/.test(text))).toBe(true);
  expect(edits.at(-1)).toMatch(/Данные загружены[\s\S]*100%[\s\S]*✅ Заказы: [\d\u00a0]+/);

  // The initial sync's history stays silent: whatever it raised would be delivered by now. No
  // fresh sync is awaited: on the frozen shop clock WB's buckets refill only when the test moves
  // time, so periodic syncs wait on the rate limit until the next step does.
  await waitUntilIdle(pool, { syncs: 0 });
  const before = lastId();
  expect(notificationsSent(system)).toEqual([]);

  // A new order: exactly one message, with the product's photo, its card and Moscow time.
  await system.tick();
  const order = await emulator.control.addOrder(seller.sid);
  const orderMessage = await waitForMessage('the order message', /Новый заказ/, before);
  expect(orderMessage.photo).toBeDefined();
  expect(textOf(orderMessage)).toContain(`WB ${order.nmId}`);
  expect(textOf(orderMessage)).toMatch(/\d\d\.\d\d \d\d:\d\d МСК/);
  expect(textOf(orderMessage)).toMatch(/\d[\d\u00a0]*\u00a0₽/);
  const buttons = (
    orderMessage.reply_markup as { inline_keyboard: { text: string; url?: string }[][] }
  ).inline_keyboard.flat();
  expect(buttons.map((button) => button.text)).toEqual(['Открыть на WB', 'Не присылать такие']);
  expect(buttons[0]?.url).toBe(`https://www.wildberries.ru/catalog/${order.nmId}/detail.aspx`);

  // Cancelled: one cancellation message.
  await system.tick();
  await emulator.control.cancelOrder(seller.sid, order.srid);
  await waitForMessage('the cancellation', /Отмена заказа/, orderMessage.message_id);

  // Cancellations switched off in the menu: saved and redrawn at once.
  press(menu, 'scr:notifications');
  const settingsScreen = await waitFor('the settings screen', () =>
    inbox().find((message) => message.message_id === menu.message_id && /Уведомления/.test(textOf(message))),
  );
  press(settingsScreen, callbackData(settingsScreen, /Отмены/));
  await waitFor('the redrawn toggle', () => {
    const current = inbox().find((message) => message.message_id === menu.message_id);
    return current && /⬜️ Отмены/.test(JSON.stringify(current.reply_markup)) ? current : undefined;
  });
  const stored = await pool.query('SELECT order_cancellations_enabled, new_orders_enabled FROM notification_settings');
  expect(stored.rows).toEqual([{ order_cancellations_enabled: false, new_orders_enabled: true }]);

  // The next cancellation sends nothing (the worker records why), the order itself still does.
  await system.tick();
  const second = await emulator.control.addOrder(seller.sid);
  const secondMessage = await waitForMessage(
    'the second order',
    new RegExp(`Новый заказ[\\s\\S]*WB ${second.nmId}`),
    lastId(),
  );
  await system.tick();
  await emulator.control.cancelOrder(seller.sid, second.srid);
  const suppressed = await waitFor('the suppressed cancellation', async () => {
    const { rows } = await pool.query<{ status: string; reason: string }>(
      `SELECT status, reason FROM notification_history WHERE type = 'cancellation' AND event_key LIKE $1`,
      [`%:cancellation:${second.srid}`],
    );
    return rows[0]?.status === 'suppressed' ? rows[0] : undefined;
  });
  expect(suppressed.reason).toBe('type_disabled:cancellation');

  // A buyout, a return, a 2-star review and a stock crossing 2: one message each.
  await system.tick();
  const third = await emulator.control.addOrder(seller.sid);
  await system.tick();
  const fourth = await emulator.control.addOrder(seller.sid);
  await waitFor('both orders', () => find(/Новый заказ/).length >= 4 || undefined);
  const mark = lastId();
  await system.tick();
  await emulator.control.buyOut(seller.sid, third.srid);
  await system.tick();
  await emulator.control.buyOut(seller.sid, fourth.srid);
  await system.tick();
  await emulator.control.returnOrder(seller.sid, fourth.srid);
  await system.tick();
  const review = await emulator.control.addReview(seller.sid, { valuation: 2, text: 'Пришло с браком' });
  await system.tick();
  await setStock(0, 2);
  // WB's buckets refill only when the frozen clock moves: a sync that read stocks between the
  // tick above and the change would leave none for the next sync to see the change with.
  await system.tick();
  const kinds = ['Выкуп', 'Возврат', 'Негативный отзыв', 'Критический остаток'];
  const missingKinds = () => {
    const texts = inbox()
      .filter((message) => message.message_id > mark)
      .map(textOf);
    return kinds.filter((kind) => !texts.some((text) => text.includes(kind)));
  };
  await waitFor('the four kinds', () => missingKinds().length === 0 || undefined, 60_000).catch(async (error) => {
    // Once in a CI run this step timed out with nothing else to go on: say which kinds are
    // missing, where the worker stands on each, and what it logged.
    const { rows } = await pool.query(
      `SELECT type, status, reason, attempts, next_attempt_at, last_error FROM notification_history
       WHERE created_at > now() - interval '2 minutes' ORDER BY id`,
    );
    const { rows: events } = await pool.query(
      `SELECT type, event_key, created_at, fanned_out_at FROM outbox_events
       WHERE created_at > now() - interval '2 minutes' ORDER BY id`,
    );
    const { rows: cabinets } = await pool.query(
      `SELECT status, status_reason, last_sync_at, next_sync_at, now() AS now FROM cabinets`,
    );
    const { rows: syncs } = await pool.query(
      `SELECT started_at, completed_at, status, counts->'stocks' AS stocks, errors FROM wb_sync_logs
       WHERE started_at > now() - interval '90 seconds' ORDER BY id`,
    );
    throw new Error(
      `${(error as Error).message}; missing: ${missingKinds().join(', ')}\n` +
        `events: ${JSON.stringify(events)}\nnotifications: ${JSON.stringify(rows)}\n` +
        `cabinets: ${JSON.stringify(cabinets)}\nsyncs: ${JSON.stringify(syncs)}\n` +
        `worker output (tail): ${system.workerOutput().slice(-3000)}`,
    );
  });
  // Everything these events raised, for every member, is settled (sent or not) by now.
  await waitUntilIdle(pool, { syncs: 0 });
  const since = inbox()
    .filter((message) => message.message_id > mark)
    .map(textOf);
  expect(since.filter((text) => /Выкуп/.test(text))).toHaveLength(2);
  expect(since.filter((text) => /Возврат/.test(text))).toHaveLength(1);
  expect(since.filter((text) => /Негативный отзыв/.test(text))).toHaveLength(1);
  expect(since.find((text) => /Негативный отзыв/.test(text))).toContain('Пришло с браком');
  expect(since.filter((text) => /Критический остаток/.test(text))).toHaveLength(1);
  expect(review.valuation).toBe(2);

  // One message per notification the worker recorded as sent (ten of them are this test's own),
  // and Telegram never had to say "too many".
  const { rows: sent } = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM notification_history WHERE status = 'sent'`,
  );
  expect(sent[0]!.count).toBeGreaterThanOrEqual(10);
  expect(notificationsSent(system)).toHaveLength(sent[0]!.count);
  expect(telegram.control.calls().filter((call) => !call.response.ok && call.response.error_code === 429)).toEqual([]);
  expect(secondMessage.photo).toBeDefined();
}, 180_000);
