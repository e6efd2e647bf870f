import { ApiError } from './api-error.ts';

/**
 * Flood control on demand: the next N sends (sendMessage, sendPhoto) to any chat are refused
 * with 429 and a chosen retry_after, whatever the rate. Telegram does this when a bot is
 * throttled for reasons the bot cannot see, so a soak or a test can prove the bot reschedules
 * such a message instead of losing or repeating it. The real limits stay in force as well.
 */
export class SendFailures {
  #remaining = 0;
  #retryAfter = 1;

  /** The next `count` sends answer 429 with `retry_after` = `retryAfter` seconds. */
  inject(count: number, retryAfter: number): void {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error('count must be a whole number, 0 or more');
    if (!Number.isSafeInteger(retryAfter) || retryAfter < 1)
      throw new Error('retry_after must be a whole number of seconds, 1 or more');
    this.#remaining = count;
    this.#retryAfter = retryAfter;
  }

  /** Sends still to be refused. */
  get remaining(): number {
    return this.#remaining;
  }

  /** Throws the injected 429 while any remain, using one up. */
  take(): void {
    if (this.#remaining === 0) return;
    this.#remaining -= 1;
    throw new ApiError(429, `Too Many Requests: retry after ${this.#retryAfter}`, this.#retryAfter);
  }

  reset(): void {
    this.#remaining = 0;
    this.#retryAfter = 1;
  }
}
