import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import { sendDueSummaries } from '@wb-assist/sync';

export interface SummaryLoopOptions {
  pool: pg.Pool;
  logger: Logger;
  /** PUBLIC_WEB_URL: where «Подробнее» opens the dashboard. */
  webUrl: string;
  /** How often to look for due summaries: a summary goes out at most this late. */
  tickMs: number;
  /** Users one pass handles before it lets the tick breathe; a backlog takes several passes. */
  batch: number;
}

export interface SummaryLoop {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Sends the morning summaries that are due, in this process. The schedule is users.next_summary_at
 * (one row per user, claimed with SKIP LOCKED), not a cron entry per user: a thousand users
 * due at 09:00 are one query to find and as many short transactions as there are users, and
 * any number of worker processes share them without sending one twice.
 */
export function createSummaryLoop(options: SummaryLoopOptions): SummaryLoop {
  const { pool, logger, webUrl, tickMs, batch } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  async function pass(): Promise<void> {
    // Drain the backlog (every user is due at 09:00) before waiting for the next tick.
    while (!stopped && (await sendDueSummaries({ pool, now: new Date(), webUrl, limit: batch })) === batch);
  }

  function loop(): void {
    running = pass()
      .catch((error: unknown) => logger.error({ err: error }, 'morning summaries failed; retrying next tick'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  }

  return {
    start() {
      stopped = false;
      loop();
      logger.info({ tickMs }, 'morning summaries started');
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
