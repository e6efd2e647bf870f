import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLoneBot, type LoneBot } from './testing/lone-bot.ts';
import { textOf, waitFor } from './testing/system.ts';

// With a public URL the bot takes updates by webhook: it registers the URL and its secret with
// Telegram and refuses any POST that does not carry that secret.

const SECRET = 'webhook-secret-0123456789abcdef';
let lone: LoneBot;

beforeAll(async () => {
  lone = await startLoneBot({
    WEBHOOK_URL: 'https://bot.example.com/telegram/webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
});
afterAll(async () => {
  await lone.stop();
});

const update = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Олег' },
    from: { id: chatId, is_bot: false, first_name: 'Олег' },
    text,
  },
});

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${lone.bot.port}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(body),
  });

it('registers its webhook with the secret, refuses forged updates and answers real ones', async () => {
  const registered = lone.telegram.control.calls().find((call) => call.method === 'setWebhook');
  expect(registered?.params).toMatchObject({
    url: 'https://bot.example.com/telegram/webhook',
    secret_token: SECRET,
  });
  expect(lone.telegram.control.calls().some((call) => call.method === 'getUpdates')).toBe(false);

  expect((await post(update(1, 8_800_001, '/start'))).status).toBe(403);
  expect((await post(update(2, 8_800_001, '/start'), 'wrong-secret-0123456789')).status).toBe(403);
  expect((await post(update(3, 8_800_002, '/start'), SECRET)).status).toBe(200);

  await waitFor(
    'the welcome',
    () =>
      lone.telegram.control.messagesTo(8_800_002).some((message) => /Пришлите ключ WB API/.test(textOf(message))) ||
      undefined,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(lone.telegram.control.messagesTo(8_800_001)).toEqual([]);
});
