import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, badRequest } from './api-error.ts';
import { FakeBot } from './bot.ts';
import { defaultLimits } from './types.ts';
import type { ApiResponse, Limits, Message, RecordedCall, User } from './types.ts';

export interface TelegramFakeOptions {
  port?: number;
  host?: string;
  /** Tokens the fake accepts; any other gets 401. All of them drive the same fake bot. */
  tokens?: string[];
  limits?: Partial<Limits>;
}

export interface TelegramFakeControl {
  calls(): RecordedCall[];
  messagesTo(chatId: number): Message[];
  /**
   * The whole chat as its user sees it: the bot's messages and the user's own, in order, in
   * their current (edited) state, each photo with the URL it was sent by (`photo_url`, not a
   * Telegram field: the demo's dashboard draws the chat from it).
   */
  chat(chatId: number): ChatMessage[];
  injectMessage(chatId: number, text: string, from?: Partial<User>): Message;
  /** Presses a button under a message; returns the callback query id. */
  injectCallback(chatId: number, messageId: number, data: string): string;
  blockChat(chatId: number): void;
  unblockChat(chatId: number): void;
  /** The next `count` sendMessage/sendPhoto calls (any chat) answer 429 with this retry_after, in seconds. */
  failNextSends(count: number, retryAfter: number): void;
  /** Resolves when every webhook delivery in flight has finished. */
  webhookIdle(): Promise<void>;
  reset(): void;
}

export type ChatMessage = Message & { photo_url?: string };

export interface TelegramFake {
  /** The API root to configure in the bot, e.g. http://127.0.0.1:PORT (methods live under /bot<token>/). */
  url: string;
  tokens: string[];
  control: TelegramFakeControl;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type Method = (params: Params) => unknown;

export async function startTelegramFake(options: TelegramFakeOptions = {}): Promise<TelegramFake> {
  const tokens = options.tokens ?? ['123456:TEST-TOKEN'];
  const bot = new FakeBot(tokens[0] ?? '1:fake', { ...defaultLimits, ...options.limits });
  const methods = botMethods(bot);
  const control: TelegramFakeControl = {
    calls: () => bot.calls(),
    // Only what the bot sent: that is what a user would see arrive.
    messagesTo: (chatId) => bot.messagesIn(chatId).filter((m) => m.from.id === bot.me.id),
    chat: (chatId) =>
      bot.messagesIn(chatId).map((message) => {
        const url = message.photo?.map((size) => bot.photoUrl(size.file_id)).find((found) => found !== undefined);
        return url === undefined ? message : { ...message, photo_url: url };
      }),
    injectMessage: (chatId, text, from) => bot.injectMessage(chatId, text, from),
    injectCallback: (chatId, messageId, data) => bot.injectCallback(chatId, messageId, data),
    blockChat: (chatId) => bot.blockChat(chatId),
    unblockChat: (chatId) => bot.unblockChat(chatId),
    failNextSends: (count, retryAfter) => bot.sendFailures.inject(count, retryAfter),
    webhookIdle: () => bot.updates.idle(),
    reset: () => bot.reset(),
  };

  const server = createServer((req, res) => {
    handle(req, res, tokens, methods, bot, control).catch((error: unknown) => {
      send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    tokens,
    control,
    close: async () => {
      bot.updates.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function botMethods(bot: FakeBot): Record<string, Method> {
  return {
    getMe: () => bot.me,
    sendMessage: (p) => bot.sendMessage(p),
    sendPhoto: (p) => bot.sendPhoto(p),
    editMessageText: (p) => bot.editMessageText(p),
    editMessageCaption: (p) => bot.editMessageCaption(p),
    editMessageReplyMarkup: (p) => bot.editMessageReplyMarkup(p),
    deleteMessage: (p) => bot.deleteMessage(p),
    answerCallbackQuery: (p) => bot.answerCallbackQuery(p),
    getUpdates: (p) =>
      bot.updates.getUpdates(
        p.offset === undefined ? undefined : Number(p.offset),
        p.limit === undefined ? 100 : Number(p.limit),
        Number(p.timeout ?? 0),
      ),
    setWebhook: (p) => {
      if (typeof p.url !== 'string') throw badRequest('url is empty');
      if (p.url === '') bot.updates.deleteWebhook(isTrue(p.drop_pending_updates));
      else bot.updates.setWebhook(p.url, optionalString(p.secret_token), isTrue(p.drop_pending_updates));
      return true;
    },
    deleteWebhook: (p) => {
      bot.updates.deleteWebhook(isTrue(p.drop_pending_updates));
      return true;
    },
    getWebhookInfo: () => bot.updates.webhookInfo(),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  tokens: string[],
  methods: Record<string, Method>,
  bot: FakeBot,
  control: TelegramFakeControl,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  if (url.pathname.startsWith('/__control/')) return handleControl(req, res, url, control);

  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
  if (!match) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
  const [, token = '', name = ''] = match;
  if (!tokens.includes(token)) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });

  let params: Params = {};
  let response: ApiResponse;
  try {
    params = { ...Object.fromEntries(url.searchParams), ...(await readBody(req)) };
    // Telegram method names are case-insensitive.
    const method = Object.entries(methods).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
    if (!method) throw new ApiError(404, 'Not Found: method not found');
    response = { ok: true, result: await method(params) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    response = error.toResponse();
  }
  bot.record({ method: name, params, at: Date.now(), response });
  send(res, response.ok ? 200 : response.error_code, response);
}

/** JSON control API so another process (the local demo) can watch and drive the fake. */
async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  control: TelegramFakeControl,
): Promise<void> {
  try {
    const body = req.method === 'POST' ? await readBody(req) : {};
    const chatId = Number(body.chat_id ?? url.searchParams.get('chat_id'));
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /__control/calls':
        return send(res, 200, control.calls());
      case 'GET /__control/messages':
        return send(res, 200, control.messagesTo(chatId));
      case 'GET /__control/chat':
        return send(res, 200, control.chat(chatId));
      case 'POST /__control/inject-message':
        return send(res, 200, control.injectMessage(chatId, String(body.text ?? ''), body.from as Partial<User>));
      case 'POST /__control/inject-callback':
        return send(res, 200, {
          callback_query_id: control.injectCallback(chatId, Number(body.message_id), String(body.data ?? '')),
        });
      case 'POST /__control/block':
        control.blockChat(chatId);
        return send(res, 200, { ok: true });
      case 'POST /__control/unblock':
        control.unblockChat(chatId);
        return send(res, 200, { ok: true });
      case 'POST /__control/fail-sends':
        control.failNextSends(Number(body.count), Number(body.retry_after ?? 1));
        return send(res, 200, { ok: true });
      case 'POST /__control/reset':
        control.reset();
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { error: 'unknown control route' });
    }
  } catch (error) {
    send(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Reads a JSON or form body; form values of object fields (reply_markup) arrive as JSON text. */
async function readBody(req: IncomingMessage): Promise<Params> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    const params: Params = Object.fromEntries(new URLSearchParams(text));
    if (typeof params.reply_markup === 'string') params.reply_markup = parseJson(params.reply_markup);
    return params;
  }
  const parsed = parseJson(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('invalid request body');
  return parsed as Params;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("can't parse JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const isTrue = (value: unknown): boolean => value === true || value === 'true';
const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
