import { afterAll, beforeAll, expect, it } from 'vitest';
import { SellerChat } from './testing/seller-chat.ts';
import { quietTraffic, startSystem, textOf, type System } from './testing/system.ts';

// The user's zone and morning summary time from the bot: a common zone by button, any IANA
// zone and any time by command, a bad one refused with why.

let system: System;

beforeAll(async () => {
  system = await startSystem();
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

async function stored(chatId: number) {
  const { rows } = await system.pool.query<{ time_zone: string; minute: number }>(
    'SELECT time_zone, morning_summary_minute AS minute FROM users WHERE telegram_id = $1',
    [chatId],
  );
  return rows[0];
}

it('sets the zone by button and by name, and the summary time by button and by command', async () => {
  const seller = await system.emulator.control.createSeller({
    name: 'ИП Пояс',
    historyDays: 1,
    traffic: quietTraffic(60),
  });
  const chat = new SellerChat(system, 9_900_301);
  const menu = await chat.connect(seller.sid);
  const screen = () => chat.inbox().find((m) => m.message_id === menu.message_id)!;

  chat.press(screen(), /Уведомления/);
  await chat.waitForEdit('the notifications page', menu, /Присылаю отмеченные типы/);
  chat.press(screen(), /Часовой пояс/);
  const page = textOf(await chat.waitForEdit('the time page', menu, /Сводка за вчера приходит/));
  expect(page).toContain('Пояс: <b>Europe/Moscow</b>');
  expect(page).toContain('приходит в <b>09:00</b>');

  chat.press(screen(), /Новосибирск/);
  await chat.waitForEdit('the zone saved', menu, /Часовой пояс: Asia\/Novosibirsk/);
  expect(await stored(9_900_301)).toEqual({ time_zone: 'Asia/Novosibirsk', minute: 540 });

  chat.press(screen(), /Сводка в 09:00/);
  await chat.waitForEdit('the time stepped', menu, /будет приходить в 10:00/);

  const before = chat.lastId();
  chat.say('/timezone Europe/Berlin');
  expect(textOf(await chat.waitFor('the typed zone', /Часовой пояс: Europe\/Berlin/, before))).toContain(
    'Пояс: <b>Europe/Berlin</b>',
  );
  const refused = chat.lastId();
  chat.say('/timezone Марс/Олимп');
  await chat.waitFor('the refusal', /Не знаю часового пояса «Марс\/Олимп»/, refused);
  const time = chat.lastId();
  chat.say('/summary 7:45');
  await chat.waitFor('the typed time', /будет приходить в 07:45/, time);
  expect(await stored(9_900_301)).toEqual({ time_zone: 'Europe/Berlin', minute: 465 });
}, 90_000);
