import type http from 'node:http';
import { Telegraf, TelegramError } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup, Update } from 'telegraf/types';
import { TelegramCallError, type From, type Incoming, type Keyboard, type TelegramPort } from './port.ts';

export interface TelegrafBotOptions {
  token: string;
  /** Bot API base URL: https://api.telegram.org, or the local fake in tests and the demo. */
  apiRoot: string;
  /** Called for every message and button press; the adapter keeps each chat's updates in order. */
  onUpdate: (incoming: Incoming) => Promise<void>;
  onError: (error: unknown, incoming: Incoming | null) => void;
}

export interface TelegrafBot {
  port: TelegramPort;
  /** The bot's @username, for t.me links. */
  username: () => string;
  startPolling(): Promise<void>;
  /** Registers the public URL with Telegram and returns the HTTP handler for its POSTs. */
  startWebhook(
    url: string,
    secretToken: string,
  ): Promise<(req: http.IncomingMessage, res: http.ServerResponse) => void>;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

function markup(keyboard: Keyboard | undefined): InlineKeyboardMarkup | undefined {
  if (!keyboard) return undefined;
  return {
    inline_keyboard: keyboard.map((row) =>
      row.map((button): InlineKeyboardButton => {
        if (button.url) return { text: button.text, url: button.url };
        return { text: button.text, callback_data: button.callbackData ?? 'noop' };
      }),
    ),
  };
}

function translate(error: unknown): unknown {
  if (error instanceof TelegramError) {
    return new TelegramCallError(error.code, error.description, error.parameters?.retry_after ?? null);
  }
  return error;
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translate(error);
  }
}

/** Pressing the same toggle twice quickly redraws the same screen: not an error. */
async function unlessUnchanged(edit: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    if (error instanceof TelegramError && error.description.includes('message is not modified')) return;
    throw error;
  }
}

function fromOf(user: {
  id: number;
  username?: string;
  first_name: string;
  last_name?: string;
  language_code?: string;
}): From {
  return {
    id: user.id,
    username: user.username ?? null,
    firstName: user.first_name,
    lastName: user.last_name ?? null,
    languageCode: user.language_code ?? null,
  };
}

export function createTelegrafBot(options: TelegrafBotOptions): TelegrafBot {
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot } });
  // Updates of one chat run one after another (a key, then "/start" again, must not overtake
  // each other); different chats run side by side, so one slow key check holds nobody else up.
  const chains = new Map<number, Promise<void>>();
  const dispatch = (incoming: Incoming) => {
    const previous = chains.get(incoming.chatId) ?? Promise.resolve();
    const next = previous
      .then(() => options.onUpdate(incoming))
      .catch((error: unknown) => options.onError(translate(error), incoming));
    chains.set(incoming.chatId, next);
    void next.finally(() => {
      if (chains.get(incoming.chatId) === next) chains.delete(incoming.chatId);
    });
  };

  bot.on('message', (ctx) => {
    const message = ctx.message;
    if (ctx.chat.type !== 'private' || !message.from) return;
    dispatch({
      kind: 'message',
      chatId: ctx.chat.id,
      messageId: message.message_id,
      from: fromOf(message.from),
      text: 'text' in message ? message.text : '',
    });
  });
  bot.on('callback_query', (ctx) => {
    const query = ctx.callbackQuery;
    const message = query.message;
    if (!message || !('data' in query)) return;
    dispatch({
      kind: 'callback',
      queryId: query.id,
      chatId: message.chat.id,
      messageId: message.message_id,
      from: fromOf(query.from),
      data: query.data,
    });
  });
  bot.catch((error) => options.onError(translate(error), null));

  const telegram = bot.telegram;
  const port: TelegramPort = {
    sendMessage: (chatId, text, keyboard, options) =>
      call(async () => {
        const sent = await telegram.sendMessage(chatId, text, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: markup(keyboard),
          ...(options?.silent ? { disable_notification: true } : {}),
        });
        return { messageId: sent.message_id };
      }),
    sendPhoto: (chatId, photoUrl, caption, keyboard, options) =>
      call(async () => {
        const sent = await telegram.sendPhoto(chatId, photoUrl, {
          caption,
          parse_mode: 'HTML',
          reply_markup: markup(keyboard),
          ...(options?.silent ? { disable_notification: true } : {}),
        });
        return { messageId: sent.message_id };
      }),
    editMessageText: (chatId, messageId, text, keyboard) =>
      call(() =>
        unlessUnchanged(() =>
          telegram.editMessageText(chatId, messageId, undefined, text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            reply_markup: markup(keyboard),
          }),
        ),
      ),
    editMessageCaption: (chatId, messageId, caption, keyboard) =>
      call(() =>
        unlessUnchanged(() =>
          telegram.editMessageCaption(chatId, messageId, undefined, caption, {
            parse_mode: 'HTML',
            reply_markup: markup(keyboard),
          }),
        ),
      ),
    deleteMessage: (chatId, messageId) =>
      call(async () => {
        await telegram.deleteMessage(chatId, messageId);
      }),
    answerCallback: (queryId, text) =>
      call(async () => {
        await telegram.answerCbQuery(queryId, text);
      }),
  };

  return {
    port,
    username: () => bot.botInfo?.username ?? 'wb_assist_bot',
    async startPolling() {
      bot.botInfo = await call(() => telegram.getMe());
      // launch() deletes the webhook too, but a failure there only reaches onError and leaves
      // polling unstarted; done here first, an unreachable Telegram fails this call instead,
      // which the caller retries.
      await call(() => telegram.deleteWebhook());
      // launch() resolves only when polling stops; it starts polling right away, and polling
      // itself waits out network errors and Telegram's 5xx.
      void bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => options.onError(error, null));
    },
    async startWebhook(url, secretToken) {
      bot.botInfo = await call(() => telegram.getMe());
      await call(() => telegram.setWebhook(url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES] }));
      const handler = bot.webhookCallback(new URL(url).pathname, { secretToken });
      return (req, res) => {
        void handler(req as http.IncomingMessage & { body?: Update }, res);
      };
    },
    async stop() {
      try {
        bot.stop('shutdown');
      } catch {
        // Not polling (webhook mode): nothing to stop.
      }
      await Promise.allSettled([...chains.values()]);
    },
  };
}
