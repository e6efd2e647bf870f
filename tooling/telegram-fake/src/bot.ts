import { ApiError, badRequest } from './api-error.ts';
import { parseHtml } from './html.ts';
import { RateLimiter } from './rate-limiter.ts';
import { SendFailures } from './send-failures.ts';
import { UpdateQueue } from './update-queue.ts';
import type { Chat, Limits, Message, RecordedCall, User } from './types.ts';

type Params = Record<string, unknown>;

const unixNow = (): number => Math.floor(Date.now() / 1000);

/** The state of one fake bot: chats, sent messages, pending updates and every call made. */
export class FakeBot {
  readonly me: User;
  readonly updates: UpdateQueue;
  /** 429s injected on demand (flood control), on top of the rate limits. */
  readonly sendFailures = new SendFailures();
  readonly #limiter: RateLimiter;
  #calls: RecordedCall[] = [];
  #messages = new Map<number, Map<number, Message>>();
  #lastMessageId = new Map<number, number>();
  #users = new Map<number, User>();
  #blocked = new Set<number>();
  #openQueries = new Map<string, number>();
  #nextQueryId = 1;
  /** The URL each photo was sent by (file_id → URL): Telegram keeps only its file, the demo shows it. */
  #photoUrls = new Map<string, string>();

  constructor(token: string, limits: Limits) {
    const id = Number(token.split(':')[0]);
    this.me = {
      id: Number.isSafeInteger(id) ? id : 1,
      is_bot: true,
      first_name: 'WB Assist',
      username: 'wb_assist_fake_bot',
    };
    this.#limiter = new RateLimiter(limits);
    this.updates = new UpdateQueue(limits);
  }

  calls(): RecordedCall[] {
    return [...this.#calls];
  }

  record(call: RecordedCall): void {
    this.#calls.push(call);
  }

  /** Messages in the chat, bot's and injected, in order, in their current (edited) state. */
  messagesIn(chatId: number): Message[] {
    return [...(this.#messages.get(chatId)?.values() ?? [])];
  }

  /** Where a photo of messagesIn() came from, when the bot sent it by URL. */
  photoUrl(fileId: string): string | undefined {
    return this.#photoUrls.get(fileId);
  }

  blockChat(chatId: number): void {
    this.#blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.#blocked.delete(chatId);
  }

  reset(): void {
    this.#calls = [];
    this.#messages.clear();
    this.#lastMessageId.clear();
    this.#users.clear();
    this.#blocked.clear();
    this.#openQueries.clear();
    this.#photoUrls.clear();
    this.#limiter.reset();
    this.sendFailures.reset();
    this.updates.reset();
  }

  injectMessage(chatId: number, text: string, from?: Partial<User>): Message {
    const user = this.#user(chatId, from);
    const message = this.#store(chatId, { from: user, text });
    this.updates.push({ message });
    return message;
  }

  injectCallback(chatId: number, messageId: number, data: string): string {
    const message = this.#messages.get(chatId)?.get(messageId);
    if (!message) throw new Error(`no message ${messageId} in chat ${chatId}`);
    const id = String(this.#nextQueryId++);
    this.#openQueries.set(id, chatId);
    this.updates.push({
      callback_query: {
        id,
        from: this.#user(chatId),
        message,
        // Telegram gives every chat a stable opaque instance id; derived from the chat here.
        chat_instance: `-${chatId}`,
        data,
      },
    });
    return id;
  }

  sendMessage(params: Params): Message {
    const chatId = this.#chatId(params);
    const text = this.#text(params, 'text');
    if (text === undefined || text === '') throw badRequest('message text is empty');
    this.#checkDeliverable(chatId);
    return this.#store(chatId, { from: this.me, text, reply_markup: params.reply_markup });
  }

  sendPhoto(params: Params): Message {
    const chatId = this.#chatId(params);
    if (typeof params.photo !== 'string' || params.photo === '') throw badRequest('there is no photo in the request');
    // Telegram downloads a photo given by URL and refuses the message when it cannot; the
    // reserved .invalid domain (RFC 2606) stands for such a URL here.
    if (/^https?:\/\/[^/]*\.invalid(\/|:|$)/.test(params.photo)) {
      throw badRequest('failed to get HTTP URL content');
    }
    const caption = this.#text(params, 'caption');
    this.#checkDeliverable(chatId);
    const id = `fake-photo-${chatId}-${(this.#lastMessageId.get(chatId) ?? 0) + 1}`;
    const photo = [
      { file_id: `${id}-s`, file_unique_id: `${id}-s`, width: 90, height: 90, file_size: 1_000 },
      { file_id: `${id}-m`, file_unique_id: `${id}-m`, width: 800, height: 800, file_size: 50_000 },
    ];
    for (const size of photo) this.#photoUrls.set(size.file_id, params.photo);
    return this.#store(chatId, { from: this.me, photo, caption, reply_markup: params.reply_markup });
  }

  editMessageText(params: Params): Message {
    const message = this.#editable(params);
    const text = this.#text(params, 'text');
    if (text === undefined || text === '') throw badRequest('message text is empty');
    if (message.text === undefined) throw badRequest('there is no text in the message to edit');
    this.#checkModified(message.text === text && sameMarkup(message.reply_markup, params.reply_markup));
    return this.#replace(message, { text, reply_markup: params.reply_markup });
  }

  editMessageCaption(params: Params): Message {
    const message = this.#editable(params);
    if (message.photo === undefined) throw badRequest('there is no caption in the message to edit');
    const caption = this.#text(params, 'caption');
    this.#checkModified(message.caption === caption && sameMarkup(message.reply_markup, params.reply_markup));
    return this.#replace(message, { caption, reply_markup: params.reply_markup });
  }

  editMessageReplyMarkup(params: Params): Message {
    const message = this.#editable(params);
    this.#checkModified(sameMarkup(message.reply_markup, params.reply_markup));
    return this.#replace(message, { reply_markup: params.reply_markup });
  }

  deleteMessage(params: Params): true {
    const chatId = this.#chatId(params);
    const chat = this.#messages.get(chatId);
    if (!chat?.delete(Number(params.message_id))) throw badRequest('message to delete not found');
    return true;
  }

  answerCallbackQuery(params: Params): true {
    const id = String(params.callback_query_id ?? '');
    if (!this.#openQueries.delete(id)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const text = params.text;
    if (typeof text === 'string' && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    return true;
  }

  #chatId(params: Params): number {
    if (params.chat_id === undefined || params.chat_id === '') throw badRequest('chat_id is empty');
    const id = Number(params.chat_id);
    if (!Number.isSafeInteger(id)) throw badRequest('chat not found');
    return id;
  }

  /** Validates and returns a text field; Telegram limits the visible length, after markup. */
  #text(params: Params, field: 'text' | 'caption'): string | undefined {
    const value = params[field];
    if (value === undefined) return undefined;
    const text = String(value);
    const visible = params.parse_mode === 'HTML' ? parseHtml(text) : text;
    if (field === 'text' && visible.length > 4096) throw badRequest('message is too long');
    if (field === 'caption' && visible.length > 1024) throw badRequest('message caption is too long');
    return text;
  }

  #checkDeliverable(chatId: number): void {
    if (this.#blocked.has(chatId)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    // An injected 429 refuses the send before it counts against the rate limits, as Telegram's
    // flood control does.
    this.sendFailures.take();
    this.#limiter.take(chatId);
  }

  #checkModified(same: boolean): void {
    if (same) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
  }

  #editable(params: Params): Message {
    const message = this.#messages.get(this.#chatId(params))?.get(Number(params.message_id));
    if (!message || message.from.id !== this.me.id) throw badRequest('message to edit not found');
    return message;
  }

  #replace(message: Message, changes: Partial<Message>): Message {
    const edited: Message = withoutUndefined({ ...message, ...changes, edit_date: unixNow() });
    this.#messages.get(message.chat.id)?.set(message.message_id, edited);
    return edited;
  }

  #store(chatId: number, content: Omit<Message, 'message_id' | 'chat' | 'date'>): Message {
    // Both sides of a private chat share one increasing message_id sequence, as in Telegram.
    const messageId = (this.#lastMessageId.get(chatId) ?? 0) + 1;
    this.#lastMessageId.set(chatId, messageId);
    const message: Message = withoutUndefined({
      message_id: messageId,
      ...content,
      chat: this.#chat(chatId),
      date: unixNow(),
    });
    const chat = this.#messages.get(chatId) ?? new Map<number, Message>();
    this.#messages.set(chatId, chat.set(messageId, message));
    return message;
  }

  #user(chatId: number, from?: Partial<User>): User {
    const known = this.#users.get(chatId) ?? {
      id: chatId,
      is_bot: false,
      first_name: `User ${chatId}`,
      username: `user${chatId}`,
    };
    const user: User = { ...known, ...from, id: chatId, is_bot: false };
    this.#users.set(chatId, user);
    return user;
  }

  #chat(chatId: number): Chat {
    const user = this.#user(chatId);
    return withoutUndefined({ id: chatId, type: 'private', first_name: user.first_name, username: user.username });
  }
}

function sameMarkup(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Telegram omits absent fields rather than sending null. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
