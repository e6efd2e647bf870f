// Bot API object shapes the fake produces, field names exactly as Telegram sends them.

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface Chat {
  id: number;
  type: 'private';
  first_name: string;
  username?: string;
}

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export interface Message {
  message_id: number;
  from: User;
  chat: Chat;
  date: number;
  edit_date?: number;
  text?: string;
  caption?: string;
  photo?: PhotoSize[];
  reply_markup?: unknown;
}

export interface CallbackQuery {
  id: string;
  from: User;
  message: Message;
  chat_instance: string;
  data: string;
}

export interface Update {
  update_id: number;
  message?: Message;
  callback_query?: CallbackQuery;
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };

/** One request the bot made, kept so tests and the demo can see what was sent. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
  response: ApiResponse;
}

export interface Limits {
  /** Sends allowed per chat per (scaled) second; Telegram allows 1. */
  perChatPerSecond: number;
  /** Sends allowed across all chats per (scaled) second; Telegram allows 30. */
  globalPerSecond: number;
  /** Length of a fake "second" in real seconds; tests shrink it to avoid sleeping. Also scales long-poll timeouts. */
  timeScale: number;
}

export const defaultLimits: Limits = { perChatPerSecond: 1, globalPerSecond: 30, timeScale: 1 };
