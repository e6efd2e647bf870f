import { afterAll, beforeAll, expect, it } from 'vitest';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, textOf, type System } from './testing/system.ts';

// The key's health end to end: the worker finds the key expiring (and later refused), the
// warning comes through the outbox with «Заменить ключ», and a new key of the same seller
// takes its place in the same cabinet. The texts themselves are in the domain's snapshot
// (packages/domain/src/notifications/__snapshots__/intelligence-messages.test.ts.snap).

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

const DAY = 86_400_000;

/**
 * Waits while the emulator's frozen clock moves on a few seconds at a time, as WB's time would:
 * its rate limits refill, so the worker's periodic syncs go on.
 */
async function ticking<T>(wait: () => Promise<T>): Promise<T> {
  let done = false;
  const clock = (async () => {
    while (!done) {
      await system.emulator.control.advanceClock({ ms: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    return await wait();
  } finally {
    done = true;
    await clock;
  }
}

async function cabinetOf(sid: string) {
  return system.prisma.cabinet.findUniqueOrThrow({
    where: { sellerId: sid },
    select: { id: true, status: true, tokenFingerprint: true, members: { select: { userId: true } } },
  });
}

it('warns of an expiring key, replaces it through «Заменить ключ», and warns when WB refuses the new one', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ИП Ключников',
    historyDays: 2,
    traffic: quietTraffic(10),
  });
  const chat = new SellerChat(system, 7_700_001);
  chat.say('/start');
  await chat.waitFor('the welcome', /Пришлите ключ WB API/);
  // Six and a half days left, without «Вопросы и отзывы»: the 7-day warning says what that costs.
  const expiring = await system.emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'content'],
    exp: Math.floor((Date.now() + 6.5 * DAY) / 1000),
  });
  const sent = chat.say(expiring.token);
  const menu = await chat.waitFor('the main menu', /^🏠 <b>Главное меню/, sent.message_id, 90_000);
  const before = await cabinetOf(seller.sid);

  // The forecast threshold is the seller's own: a press steps it from the default 7 days to 10.
  chat.press(menu, /Уведомления/);
  const settings = await chat.waitForEdit('the settings screen', menu, /Предупреждать за 7/);
  const step = chat.press(settings, /Предупреждать за/);
  expect(await chat.notice(step)).toBe('Предупрежу, когда товара останется меньше чем на 10\u00a0дней');
  await chat.waitForEdit('the threshold redrawn', menu, /Предупреждать за 10/);
  const stored = await system.prisma.notificationSettings.findFirstOrThrow({ where: { cabinetId: before.id } });
  expect(stored.stockForecastDays).toBe(10);

  const warning = await ticking(() => chat.waitFor('the 7-day warning', /Ключ WB скоро истечёт/, 0, 60_000));
  expect(textOf(warning)).toContain('ИП Ключников');
  expect(textOf(warning)).toMatch(/осталось 7\u00a0дней/);
  expect(textOf(warning)).toContain('У ключа нет категории «Вопросы и отзывы»');

  chat.press(warning, /Заменить ключ/);
  const ask = await chat.waitFor('the request for a new key', /Новый ключ для «ИП Ключников»/, warning.message_id);
  // A key of another shop is refused, and the cabinet keeps its key.
  const stranger = await system.emulator.control.createSeller({ name: 'ООО Чужой' });
  const foreign = await system.emulator.control.createToken({ sid: stranger.sid });
  const wrong = chat.say(foreign.token);
  await chat.waitFor('the refusal', /Это ключ другого магазина, а не «ИП Ключников»/, wrong.message_id);
  expect(await system.prisma.cabinet.count({ where: { sellerId: stranger.sid } })).toBe(0);

  const fresh = await system.emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const replaced = chat.say(fresh.token);
  await chat.waitFor('the replacement', /Ключ кабинета «ИП Ключников» заменён/, replaced.message_id);
  const after = await cabinetOf(seller.sid);
  expect(after.id).toBe(before.id);
  expect(after.members).toEqual(before.members);
  expect(after.tokenFingerprint).not.toBe(before.tokenFingerprint);
  expect(ask.message_id).toBeGreaterThan(0);

  // WB stops accepting the new key: the refusal arrives once, through the outbox.
  await system.emulator.control.revokeToken({ id: fresh.id });
  const refused = await ticking(() =>
    chat.waitFor('the refusal warning', /WB не принимает ключ/, replaced.message_id, 60_000),
  );
  expect(textOf(refused)).toContain('Уведомления этого кабинета остановлены');
  expect(JSON.stringify(refused.reply_markup)).toContain('Заменить ключ');
  const history = await system.pool.query<{ type: string; status: string }>(
    `SELECT type, status FROM notification_history WHERE cabinet_id = $1 AND type = 'key_health' ORDER BY id`,
    [before.id],
  );
  expect(history.rows).toEqual([
    { type: 'key_health', status: 'sent' },
    { type: 'key_health', status: 'sent' },
  ]);

  // A key pasted now replaces the refused one, with no button press needed.
  const again = await system.emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const pasted = chat.say(again.token);
  await chat.waitFor('the second replacement', /Ключ кабинета «ИП Ключников» заменён/, pasted.message_id);
  expect((await cabinetOf(seller.sid)).status).toBe('ready');
}, 240_000);
