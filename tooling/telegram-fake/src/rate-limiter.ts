import { ApiError } from './api-error.ts';
import type { Limits } from './types.ts';

/** Sliding one-second windows per chat and overall, answering 429 the way Telegram does. */
export class RateLimiter {
  readonly #limits: Limits;
  readonly #global: number[] = [];
  readonly #perChat = new Map<number, number[]>();

  constructor(limits: Limits) {
    this.#limits = limits;
  }

  /** Throws 429 when one more send to the chat would exceed a limit; otherwise counts it. */
  take(chatId: number, now = Date.now()): void {
    const windowMs = 1000 * this.#limits.timeScale;
    const chat = this.#perChat.get(chatId) ?? [];
    this.#perChat.set(chatId, chat);
    for (const list of [chat, this.#global]) {
      while (list.length > 0 && (list[0] ?? 0) <= now - windowMs) list.shift();
    }
    const full =
      chat.length >= this.#limits.perChatPerSecond
        ? chat
        : this.#global.length >= this.#limits.globalPerSecond
          ? this.#global
          : undefined;
    if (full) {
      const waitMs = (full[0] ?? now) + windowMs - now;
      const retryAfter = Math.max(1, Math.ceil(waitMs / windowMs));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
    }
    chat.push(now);
    this.#global.push(now);
  }

  reset(): void {
    this.#global.length = 0;
    this.#perChat.clear();
  }
}
