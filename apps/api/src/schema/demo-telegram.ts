import { demoChatOf } from '../demo-telegram/demo-chat.ts';
import {
  FakeTelegramUnavailable,
  pressInFakeChat,
  readFakeChat,
  sendToFakeChat,
  type FakeChatButton,
  type FakeChatMessage,
} from '../demo-telegram/fake-chat.ts';
import type { GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { OperationError } from './errors.ts';

// The demo's «Telegram» page: the demo user's chat with the bot on the fake Bot API, read and
// driven through the API, so the browser never talks to the fake (a development tool) itself.

interface Chat {
  messages: FakeChatMessage[];
}

const MAX_TEXT = 4096;

const DemoTelegramButton = builder.objectRef<FakeChatButton>('DemoTelegramButton').implement({
  description: 'An inline keyboard button: it either presses (callbackData) or opens a link (url).',
  fields: (t) => ({
    text: t.exposeString('text'),
    callbackData: t.string({ nullable: true, resolve: (b) => b.callback_data ?? null }),
    url: t.string({ nullable: true, resolve: (b) => b.url ?? null }),
  }),
});

const DemoTelegramMessage = builder.objectRef<FakeChatMessage>('DemoTelegramMessage').implement({
  description: 'One message of the chat, in its current (edited) state.',
  fields: (t) => ({
    id: t.int({ resolve: (m) => m.message_id }),
    fromBot: t.boolean({ resolve: (m) => m.from.is_bot }),
    text: t.string({
      nullable: true,
      description: "The text or a photo's caption: Telegram HTML from the bot, plain text from the user.",
      resolve: (m) => m.text ?? m.caption ?? null,
    }),
    photoUrl: t.string({ nullable: true, resolve: (m) => m.photo_url ?? null }),
    buttons: t.field({
      type: t.listRef(t.listRef(DemoTelegramButton)),
      description: 'The inline keyboard, row by row; empty without one.',
      resolve: (m) => m.reply_markup?.inline_keyboard ?? [],
    }),
    date: t.field({ type: 'DateTime', resolve: (m) => new Date(m.date * 1000) }),
  }),
});

const DemoTelegramChat = builder.objectRef<Chat>('DemoTelegramChat').implement({
  description: "The demo user's chat with the bot, oldest message first.",
  fields: (t) => ({ messages: t.field({ type: [DemoTelegramMessage], resolve: (chat) => chat.messages }) }),
});

async function chatOrRefuse(ctx: GraphQLContext) {
  const chat = await demoChatOf(ctx);
  if (!chat) throw new OperationError('not_demo', 'Чат с ботом в дашборде есть только в демо, для демо-пользователя.');
  return chat;
}

async function reading<T>(work: () => Promise<T>, refuse: (message: string) => Error): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FakeTelegramUnavailable) throw refuse('Telegram (демо) не отвечает, попробуйте ещё раз.');
    throw error;
  }
}

builder.queryField('demoTelegram', (t) =>
  t.field({
    type: DemoTelegramChat,
    nullable: true,
    description: "Demo only: the demo user's chat with the bot. Null for anyone else and outside the demo.",
    errors: { types: [OperationError] },
    resolve: async (_root, _args, ctx) => {
      const chat = await demoChatOf(ctx);
      if (!chat) return null;
      const fail = (message: string) => new OperationError('telegram_unavailable', message);
      return { messages: await reading(() => readFakeChat(chat.controlUrl, chat.chatId), fail) };
    },
  }),
);

builder.mutationField('demoTelegramSend', (t) =>
  t.field({
    type: DemoTelegramChat,
    description: 'Demo only: the demo user writes to the bot (a command like /start, or text).',
    errors: { types: [OperationError] },
    args: { text: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const chat = await chatOrRefuse(ctx);
      const text = args.text.trim();
      if (text === '' || text.length > MAX_TEXT) {
        throw new OperationError('bad_text', `Напишите сообщение: от 1 до ${MAX_TEXT} символов.`);
      }
      const from = { first_name: chat.firstName ?? undefined, username: chat.username ?? undefined };
      const fail = (message: string) => new OperationError('telegram_unavailable', message);
      await reading(() => sendToFakeChat(chat.controlUrl, chat.chatId, text, from), fail);
      return { messages: await reading(() => readFakeChat(chat.controlUrl, chat.chatId), fail) };
    },
  }),
);

builder.mutationField('demoTelegramPress', (t) =>
  t.field({
    type: DemoTelegramChat,
    description: "Demo only: the demo user presses a button under one of the bot's messages.",
    errors: { types: [OperationError] },
    args: { messageId: t.arg.int({ required: true }), callbackData: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const chat = await chatOrRefuse(ctx);
      const fail = (message: string) => new OperationError('telegram_unavailable', message);
      const before = await reading(() => readFakeChat(chat.controlUrl, chat.chatId), fail);
      // Only a button the bot drew can be pressed, as in Telegram: no made-up callback data.
      const target = before.find((message) => message.message_id === args.messageId && message.from.is_bot);
      const drawn = target?.reply_markup?.inline_keyboard.flat().some((b) => b.callback_data === args.callbackData);
      if (!drawn) throw new OperationError('no_such_button', 'Этой кнопки уже нет: бот обновил сообщение.');
      await reading(() => pressInFakeChat(chat.controlUrl, chat.chatId, args.messageId, args.callbackData), fail);
      return { messages: await reading(() => readFakeChat(chat.controlUrl, chat.chatId), fail) };
    },
  }),
);
