import { setTimeout as sleep } from 'node:timers/promises';
import pRetry from 'p-retry';
import type { Logger } from '@wb-assist/logger';
import { TelegramCallError } from './port.ts';

export interface ConnectOptions {
  logger: Logger;
  /** Stops the retries (the process is shutting down); the promise then resolves. */
  signal: AbortSignal;
}

/** Telegram answered and said no (a wrong token, a bad webhook URL): trying again cannot help. */
class TelegramRefusedError extends Error {
  constructor(cause: TelegramCallError) {
    super(`Telegram refused the bot at start: ${cause.message}`, { cause });
    this.name = 'TelegramRefusedError';
  }
}

function refused(error: unknown): error is TelegramCallError {
  return error instanceof TelegramCallError && error.code >= 400 && error.code < 500 && error.code !== 429;
}

/**
 * Runs `attempt` (the start-up calls to Telegram) until it succeeds, waiting longer after each
 * failure: Telegram or the network being down at start is a wait, not a crash. The first wait
 * is short (a Telegram restarting is back in a second), then it doubles up to half a minute,
 * randomised so restarted bots do not call in step, and never shorter than Telegram's
 * retry_after. Each failure is one log line with the error's message (Telegraf has already cut
 * the token out of it) and the wait. A refusal by Telegram ends it with TelegramRefusedError.
 */
export async function connectWithRetry(
  attempt: () => Promise<void>,
  { logger, signal }: ConnectOptions,
): Promise<void> {
  try {
    await pRetry(attempt, {
      retries: Infinity,
      minTimeout: 500,
      factor: 2,
      maxTimeout: 30_000,
      randomize: true,
      signal,
      shouldRetry: ({ error }) => !refused(error),
      onFailedAttempt: async ({ error, attemptNumber, retryDelay }) => {
        if (refused(error)) return;
        const retryAfterMs = error instanceof TelegramCallError && error.retryAfter ? error.retryAfter * 1000 : 0;
        const code = (error as { code?: unknown }).code;
        logger.warn(
          {
            attempt: attemptNumber,
            retryInMs: Math.max(retryDelay, retryAfterMs),
            error: error.message,
            ...(code === undefined ? {} : { code }),
          },
          'could not reach Telegram at start; trying again',
        );
        // p-retry's own delay follows this; the rest of Telegram's retry_after is waited here.
        if (retryAfterMs > retryDelay) await sleep(retryAfterMs - retryDelay, undefined, { signal }).catch(() => {});
      },
    });
  } catch (error) {
    if (signal.aborted) return;
    throw refused(error) ? new TelegramRefusedError(error) : error;
  }
}
