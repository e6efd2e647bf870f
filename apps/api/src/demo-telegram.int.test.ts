import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// The demo's «Telegram» page over GraphQL: the API reads and drives the demo user's chat on the
// fake Bot API's control API. Here the test plays the bot, answering over the fake's Bot API.

const BOT_TOKEN = '4242:demo-chat-test';
const CHAT = `{ demoTelegram { __typename ... on OperationError { code message }
  ... on DemoTelegramChat { messages { id fromBot text photoUrl date buttons { text callbackData url } } } } }`;
const SEND = `mutation ($text: String!) { demoTelegramSend(text: $text) {
  __typename ... on OperationError { code message } ... on DemoTelegramChat { messages { id text } } } }`;
const PRESS = `mutation ($messageId: Int!, $data: String!) { demoTelegramPress(messageId: $messageId, callbackData: $data) {
  __typename ... on OperationError { code message } ... on DemoTelegramChat { messages { id } } } }`;

let fake: TelegramFake;
let api: TestApi | undefined;

beforeAll(async () => {
  fake = await startTelegramFake({ tokens: [BOT_TOKEN], limits: { perChatPerSecond: 1000, globalPerSecond: 1000 } });
});
afterAll(async () => {
  await fake.close();
});
afterEach(async () => {
  await api?.close();
  api = undefined;
  fake.control.reset();
});

async function botCall(method: string, params: Record<string, unknown>): Promise<{ message_id: number }> {
  const response = await fetch(`${fake.url}/bot${BOT_TOKEN}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return ((await response.json()) as { result: { message_id: number } }).result;
}

/** An API in demo mode whose demo user is a fresh signed-in user; and another user beside it. */
async function demoApi() {
  api = await startTestApi();
  const demo = await signedInUser(api.prisma, { firstName: 'Демо' });
  const other = await signedInUser(api.prisma, { firstName: 'Другой' });
  await api.close();
  api = await startTestApi({ demoTelegramId: demo.user.telegramId, demoTelegramControlUrl: fake.url });
  return { api, demo, other, chatId: Number(demo.user.telegramId) };
}

describe('demoTelegram', () => {
  it("shows the demo user's chat, sends what they type and presses the bot's buttons", async () => {
    const { api, demo, chatId } = await demoApi();
    const sent = await gql(api.url, SEND, { token: demo.token, variables: { text: '  /start ' } });
    expect(sent.data).toMatchObject({
      demoTelegramSend: { __typename: 'DemoTelegramChat', messages: [{ text: '/start' }] },
    });
    // The bot sees the update as from Telegram, from the demo user by name.
    const [update] = (await (await fetch(`${fake.url}/bot${BOT_TOKEN}/getUpdates`)).json()).result as {
      message: { text: string; from: { id: number; first_name: string } };
    }[];
    expect(update?.message).toMatchObject({ text: '/start', from: { id: chatId, first_name: 'Демо' } });

    const menu = await botCall('sendMessage', {
      chat_id: chatId,
      text: '<b>Меню</b>',
      parse_mode: 'HTML',
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Заказы', callback_data: 'menu:orders' }],
          [{ text: 'WB', url: 'https://www.wildberries.ru' }],
        ],
      },
    });
    await botCall('sendPhoto', {
      chat_id: chatId,
      photo: 'https://basket-01.wbbasket.ru/1.webp',
      caption: 'Новый заказ',
    });
    const chat = await gql<{ demoTelegram: { messages: Record<string, unknown>[] } }>(api.url, CHAT, {
      token: demo.token,
    });
    expect(chat.data?.demoTelegram.messages).toMatchObject([
      { fromBot: false, text: '/start', buttons: [], photoUrl: null },
      {
        id: menu.message_id,
        fromBot: true,
        text: '<b>Меню</b>',
        buttons: [
          [{ text: 'Заказы', callbackData: 'menu:orders', url: null }],
          [{ text: 'WB', callbackData: null, url: 'https://www.wildberries.ru' }],
        ],
      },
      { fromBot: true, text: 'Новый заказ', photoUrl: 'https://basket-01.wbbasket.ru/1.webp' },
    ]);
    expect(chat.data?.demoTelegram.messages[1]?.date).toMatch(/^\d{4}-\d\d-\d\dT/);

    const pressed = await gql(api.url, PRESS, {
      token: demo.token,
      variables: { messageId: menu.message_id, data: 'menu:orders' },
    });
    expect(pressed.data).toMatchObject({ demoTelegramPress: { __typename: 'DemoTelegramChat' } });
    const updates = (await (await fetch(`${fake.url}/bot${BOT_TOKEN}/getUpdates?offset=2`)).json()).result as {
      callback_query?: { data: string; message: { message_id: number } };
    }[];
    expect(updates.map((u) => u.callback_query)).toMatchObject([
      { data: 'menu:orders', message: { message_id: menu.message_id } },
    ]);
  });

  it('presses only buttons the bot drew, and takes no empty text', async () => {
    const { api, demo, chatId } = await demoApi();
    const menu = await botCall('sendMessage', {
      chat_id: chatId,
      text: 'Меню',
      reply_markup: { inline_keyboard: [[{ text: 'Заказы', callback_data: 'menu:orders' }]] },
    });
    for (const variables of [
      { messageId: menu.message_id, data: 'key:replace:someone-elses-cabinet' },
      { messageId: menu.message_id + 1, data: 'menu:orders' },
    ]) {
      const refused = await gql(api.url, PRESS, { token: demo.token, variables });
      expect(refused.data).toEqual({
        demoTelegramPress: {
          __typename: 'OperationError',
          code: 'no_such_button',
          message: 'Этой кнопки уже нет: бот обновил сообщение.',
        },
      });
    }
    const empty = await gql(api.url, SEND, { token: demo.token, variables: { text: '   ' } });
    expect(empty.data).toMatchObject({ demoTelegramSend: { __typename: 'OperationError', code: 'bad_text' } });
    // Nothing reached the bot: no update waits for it.
    expect(await (await fetch(`${fake.url}/bot${BOT_TOKEN}/getWebhookInfo`)).json()).toMatchObject({
      result: { pending_update_count: 0 },
    });
    expect(fake.control.chat(chatId)).toHaveLength(1);
  });

  it('is nobody else’s: another user, an anonymous caller and a deployment without the demo get nothing', async () => {
    const { api, demo, other, chatId } = await demoApi();
    await botCall('sendMessage', { chat_id: chatId, text: 'только демо' });
    expect((await gql(api.url, CHAT, { token: other.token })).data).toEqual({ demoTelegram: null });
    expect((await gql(api.url, CHAT)).data).toEqual({ demoTelegram: null });
    const refused = await gql(api.url, SEND, { token: other.token, variables: { text: '/start' } });
    expect(refused.data).toMatchObject({ demoTelegramSend: { __typename: 'OperationError', code: 'not_demo' } });
    expect(fake.control.chat(Number(other.user.telegramId))).toEqual([]);

    // Demo login on, but no fake Telegram named; and a production config carrying both.
    for (const overrides of [
      { demoTelegramId: demo.user.telegramId },
      { nodeEnv: 'production' as const, demoTelegramId: demo.user.telegramId, demoTelegramControlUrl: fake.url },
    ]) {
      const plain = await startTestApi(overrides);
      expect((await gql(plain.url, CHAT, { token: demo.token })).data).toEqual({ demoTelegram: null });
      await plain.close();
    }
  });

  it('says the fake Telegram does not answer, in Russian, when it is gone', async () => {
    const { demo } = await demoApi();
    await api?.close();
    api = undefined;
    api = await startTestApi({ demoTelegramId: demo.user.telegramId, demoTelegramControlUrl: 'http://127.0.0.1:9' });
    const chat = await gql(api.url, CHAT, { token: demo.token });
    expect(chat.data).toEqual({
      demoTelegram: {
        __typename: 'OperationError',
        code: 'telegram_unavailable',
        message: 'Telegram (демо) не отвечает, попробуйте ещё раз.',
      },
    });
    const sent = await gql(api.url, SEND, { token: demo.token, variables: { text: '/start' } });
    expect(sent.data).toMatchObject({
      demoTelegramSend: { __typename: 'OperationError', code: 'telegram_unavailable' },
    });
  });
});
