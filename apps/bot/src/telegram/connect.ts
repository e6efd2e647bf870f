import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@wb-assist/logger';
import { TelegramCallError } from './port.ts';

export interface ConnectOptions {
  logger: Logger;
  /** Stops the retries (the process is shutting down); the promise then resolves. */
  signal: AbortSignal;
}

/** The first wait is short (a Telegram restarting is back in a second), then doubles up to half a minute. */
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

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

/** Half the capped exponential delay plus a random part of the other half, so restarted bots do not call in step. */
function delayMs(failures: number): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * Runs `attempt` (the start-up calls to Telegram) until it succeeds, waiting longer after each
 * failure: Telegram or the network being down at start is a wait, not a crash. Each failure is
 * one log line with the error's message (Telegraf has already cut the token out of it) and the
 * wait. A refusal by Telegram ends it with TelegramRefusedError.
 */
export async function connectWithRetry(
  attempt: () => Promise<void>,
  { logger, signal }: ConnectOptions,
): Promise<void> {
  for (let failures = 1; !signal.aborted; failures++) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (refused(error)) throw new TelegramRefusedError(error);
      const retryInMs = Math.max(
        delayMs(failures),
        error instanceof TelegramCallError && error.retryAfter ? error.retryAfter * 1000 : 0,
      );
      const code = (error as { code?: unknown }).code;
      logger.warn(
        {
          attempt: failures,
          retryInMs,
          error: error instanceof Error ? error.message : String(error),
          ...(code === undefined ? {} : { code }),
        },
        'could not reach Telegram at start; trying again',
      );
      await sleep(retryInMs, undefined, { signal }).catch(() => {});
    }
  }
}
