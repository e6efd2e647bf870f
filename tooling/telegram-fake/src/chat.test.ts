import { afterEach, expect, it } from 'vitest';
import type { TelegramFake } from './server.ts';
import { startForTest } from './test-helpers.ts';

let fake: TelegramFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

it('lists the whole chat over the control API: the user’s messages, the bot’s, and each photo’s URL', async () => {
  const started = await startForTest({ limits: { perChatPerSecond: 1000, globalPerSecond: 1000 } });
  fake = started.fake;
  const inject = await fetch(`${fake.url}/__control/inject-message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: 5, text: '/start', from: { first_name: 'Демо' } }),
  });
  expect(inject.status).toBe(200);
  await started.call('sendMessage', { chat_id: 5, text: '<b>Привет</b>', parse_mode: 'HTML' });
  await started.call('sendPhoto', { chat_id: 5, photo: 'https://basket-01.wbbasket.ru/1.webp', caption: 'Заказ' });
  await started.call('sendMessage', { chat_id: 6, text: 'другой чат' });

  const chat = (await (await fetch(`${fake.url}/__control/chat?chat_id=5`)).json()) as Record<string, unknown>[];
  expect(chat).toMatchObject([
    { message_id: 1, from: { id: 5, is_bot: false, first_name: 'Демо' }, text: '/start' },
    { message_id: 2, from: { is_bot: true }, text: '<b>Привет</b>' },
    { message_id: 3, caption: 'Заказ', photo_url: 'https://basket-01.wbbasket.ru/1.webp' },
  ]);
  expect(chat[0]).not.toHaveProperty('photo_url');
  // messagesTo stays what the bot sent, without the URL that is not Telegram's.
  expect(fake.control.messagesTo(5).map((message) => message.message_id)).toEqual([2, 3]);
  expect(fake.control.messagesTo(5)[1]).not.toHaveProperty('photo_url');
});
