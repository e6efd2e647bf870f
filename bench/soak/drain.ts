import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { describeOutstanding, isIdle, readOutstanding, type Outstanding } from '@wb-assist/db/testing';
import type { TelegramFake } from '@wb-assist/telegram-fake';
import { countSends } from './read-inbox.ts';

export interface DrainOutcome {
  seconds: number;
  /** Empty when drained; otherwise what was still outstanding at the deadline. */
  unfinished: string[];
}

/**
 * After the live phase (shops' clock stopped, faults over): waits until every cabinet has had a
 * whole successful sync that started after the stop (so everything the shops did is read), no
 * notification is pending any more (sent, or given up as failed), and Telegram has seen no new
 * send for two seconds. Bounded: at the deadline it returns what was still outstanding, and the
 * comparison then shows it as lost.
 */
export async function drain(options: {
  pool: pg.Pool;
  telegram: TelegramFake;
  cabinets: readonly string[];
  since: Date;
  timeoutMs: number;
}): Promise<DrainOutcome> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const scope = { cabinets: options.cabinets };
  let last: Outstanding | undefined;
  let sends = countSends(options.telegram);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    // The database may still be coming back from its restart: a failed look is just a look later.
    last = await readOutstanding(options.pool, options.since, scope).catch(() => last);
    const now = countSends(options.telegram);
    if (now !== sends) {
      sends = now;
      quietSince = Date.now();
    }
    if (last && isIdle(last) && Date.now() - quietSince >= 2_000) {
      return { seconds: (Date.now() - started) / 1000, unfinished: [] };
    }
    await sleep(500);
  }
  const unfinished = !last
    ? ['the database never answered']
    : isIdle(last)
      ? ['Telegram still receiving sends']
      : await describeOutstanding(options.pool, options.since, last).catch((error: Error) => [error.message]);
  return { seconds: (Date.now() - started) / 1000, unfinished };
}
