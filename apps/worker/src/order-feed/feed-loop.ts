import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import type { SyncOutcome } from '../sync-handler.ts';
import { claimDueFeeds, rescheduleFeed } from './feed-schedule.ts';

/**
 * One read of one cabinet's order feed (packages/sync's syncCabinetOrderFeed). The feed has no
 * job queue, so no job id: `readId` names the read instead, in every log record about it.
 */
export type OrderFeedHandler = (input: {
  cabinetId: string;
  readId: string;
  signal: AbortSignal;
}) => Promise<SyncOutcome>;

export interface FeedLoopOptions {
  pool: pg.Pool;
  logger: Logger;
  handler: OrderFeedHandler;
  /** How often one cabinet reads the feed: WB's one call a minute, with a margin. */
  intervalMs: number;
  /**
   * How long before it is due a read may be claimed (claimDueFeeds): the handler's WB client
   * holds the call until the cabinet's bucket allows it. 0: claimed when due.
   */
  leadMs?: number;
  /** Reads this process runs at once, those waiting for their bucket included. */
  concurrency: number;
  /** How long stop() lets running reads finish before aborting them. */
  shutdownTimeoutMs: number;
}

export interface FeedLoop {
  start(): void;
  stop(): Promise<void>;
}

/** After the abort, how long a read gets to notice it before stop() stops waiting for it. */
const ABORT_GRACE_MS = 2_000;

/** A key the feed refused for scope: look again in an hour (a new key resets the schedule anyway). */
const SKIPPED_DELAY_MS = 3_600_000;

/**
 * Reads each feed-capable cabinet's order feed every interval, in this process, without a job
 * queue: a read is one or two WB calls and a short transaction, a thousand cabinets make some
 * seventeen a second, and what makes it exactly-once is the outbox's event key, not the queue.
 * The claim (next_feed_at moved one interval ahead) keeps processes from reading one cabinet at
 * once; a read that fails is simply the next interval's read.
 */
export function createFeedLoop(options: FeedLoopOptions): FeedLoop {
  const { pool, logger, handler, intervalMs, concurrency, leadMs = 0 } = options;
  // Often enough that a read is claimed within its lead, not after it is due.
  const tickMs = Math.min(1_000, Math.max(20, leadMs > 0 ? leadMs / 2 : intervalMs / 4));
  const running = new Set<Promise<void>>();
  /** Cabinets with a read in flight in this process: one cabinet is never read twice at once. */
  const reading = new Set<string>();
  const shutdown = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = true;

  async function read(cabinetId: string): Promise<void> {
    const readId = randomUUID();
    try {
      const outcome = await handler({ cabinetId, readId, signal: shutdown.signal });
      if (outcome.status === 'rate_limited') await rescheduleFeed(pool, cabinetId, outcome.retryAfterMs);
      if (outcome.status === 'skipped') await rescheduleFeed(pool, cabinetId, SKIPPED_DELAY_MS);
    } catch (error) {
      if (!shutdown.signal.aborted)
        logger.warn({ err: error, cabinetId, feedReadId: readId }, 'order feed read failed; next interval retries');
    }
  }

  async function claimAndRead(): Promise<void> {
    // Claim while slots are free and cabinets are due: a backlog (every cabinet due at start)
    // drains at the speed of the reads, not one tick at a time.
    for (;;) {
      const free = concurrency - running.size;
      if (stopped || free <= 0) return;
      const claimed = await claimDueFeeds(pool, { limit: free, intervalMs, leadMs });
      for (const cabinetId of claimed) {
        // Its previous read is still going (slower than the interval): that read is this one.
        if (reading.has(cabinetId)) continue;
        reading.add(cabinetId);
        const done: Promise<void> = read(cabinetId).finally(() => {
          reading.delete(cabinetId);
          running.delete(done);
          kick();
        });
        running.add(done);
      }
      if (claimed.length < free) return;
      // All slots are busy now: the next read to finish kicks the loop again.
      if (running.size >= concurrency) return;
    }
  }

  let again = false;
  function kick(): void {
    if (stopped) return;
    if (ticking) {
      // A slot freed while claiming: claim once more when this pass is done.
      again = true;
      return;
    }
    again = false;
    ticking = claimAndRead()
      .catch((error: unknown) => logger.error({ err: error }, 'claiming order feed reads failed; retrying next tick'))
      .finally(() => {
        ticking = undefined;
        if (again) kick();
      });
  }

  function loop(): void {
    kick();
    if (!stopped) timer = setTimeout(loop, tickMs);
  }

  return {
    start() {
      stopped = false;
      loop();
      logger.info({ intervalMs, leadMs, concurrency }, 'order feed reads started');
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      const abort = setTimeout(() => shutdown.abort(new Error('worker shutting down')), options.shutdownTimeoutMs);
      // An aborted read stops at its next WB call or page; one stuck past that is left behind:
      // each page committed whole, and the cabinet is due again one interval after its claim.
      let giveUp: NodeJS.Timeout | undefined;
      const abandon = new Promise<void>((resolve) => {
        giveUp = setTimeout(resolve, options.shutdownTimeoutMs + ABORT_GRACE_MS);
      });
      try {
        await Promise.race([Promise.all(running), abandon]);
      } finally {
        clearTimeout(abort);
        clearTimeout(giveUp);
      }
    },
  };
}
