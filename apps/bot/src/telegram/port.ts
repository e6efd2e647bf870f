// The bot's own view of Telegram. Everything outside src/telegram/ talks to this interface, so
// the library behind it (Telegraf today) can change without touching the conversation code.

export interface Button {
  text: string;
  url?: string;
  callbackData?: string;
}

export type Keyboard = Button[][];

export interface From {
  id: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  languageCode: string | null;
}

export type Incoming =
  | { kind: 'message'; chatId: number; messageId: number; from: From; text: string }
  | { kind: 'callback'; queryId: string; chatId: number; messageId: number; from: From; data: string };

/** Telegram refused a call; code is Telegram's error_code (403 blocked, 429 too many, 400 bad request). */
export class TelegramCallError extends Error {
  readonly code: number;
  readonly retryAfter: number | null;
  readonly description: string;

  constructor(code: number, description: string, retryAfter: number | null = null) {
    super(`Telegram ${code}: ${description}`);
    this.name = 'TelegramCallError';
    this.code = code;
    this.description = description;
    this.retryAfter = retryAfter;
  }
}

/** How a message arrives: `silent` is Telegram's disable_notification (no sound; quiet hours). */
export interface SendOptions {
  silent?: boolean;
}

/** Every text goes out as HTML, so templates escape once and format with <b>/<i>/<a>. */
export interface TelegramPort {
  sendMessage(chatId: number, text: string, keyboard?: Keyboard, options?: SendOptions): Promise<{ messageId: number }>;
  sendPhoto(
    chatId: number,
    photoUrl: string,
    caption: string,
    keyboard?: Keyboard,
    options?: SendOptions,
  ): Promise<{ messageId: number }>;
  /** Resolves quietly when Telegram says the content did not change. */
  editMessageText(chatId: number, messageId: number, text: string, keyboard?: Keyboard): Promise<void>;
  /** A photo message's caption; resolves quietly when Telegram says nothing changed. */
  editMessageCaption(chatId: number, messageId: number, caption: string, keyboard?: Keyboard): Promise<void>;
  deleteMessage(chatId: number, messageId: number): Promise<void>;
  answerCallback(queryId: string, text?: string): Promise<void>;
}
