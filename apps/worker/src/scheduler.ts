import type pg from 'pg';
import type { Db, PgBoss } from 'pg-boss';
import { inTransaction } from '@wb-assist/db';
import type { Logger } from '@wb-assist/logger';
import { claimDueCabinets, rescheduleSync } from './cabinet-schedule.ts';
import { CABINET_SYNC_QUEUE, PRIORITY } from './queues.ts';
import type { SyncJobData } from './sync-job.ts';

export interface SchedulerOptions {
  pool: pg.Pool;
  boss: PgBoss;
  logger: Logger;
  /** SYNC_INTERVAL: seconds between two syncs of one cabinet. */
  intervalSeconds: number;
  /** How often this process looks for due cabinets; independent of pg-boss cron's one minute. */
  tickSeconds: number;
  /** Most cabinets one tick turns into jobs. */
  claimLimit: number;
}

export interface Scheduler {
  start(): void;
  /** Stops ticking; resolves once a tick in progress has committed or rolled back. */
  stop(): Promise<void>;
}

/**
 * Every worker process runs one: each tick claims due cabinets and sends one job per cabinet, in
 * one transaction, so a claim never survives without its job (a crash rolls both back).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { logger, tickSeconds } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  const loop = () => {
    running = tick(options).then(
      (sent) => sent > 0 && logger.debug({ sent }, 'cabinet syncs scheduled'),
      (error: unknown) => logger.error({ err: error }, 'scheduling cabinet syncs failed; retrying next tick'),
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(loop, tickSeconds * 1000);
    });
  };

  return {
    start() {
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** One claim-and-send pass; the number of jobs sent. */
async function tick({ pool, boss, intervalSeconds, tickSeconds, claimLimit }: SchedulerOptions): Promise<number> {
  return inTransaction(pool, async (client) => {
    const claimed = await claimDueCabinets(client, { limit: claimLimit, intervalSeconds });
    // pg-boss writes the job through our transaction: the claim and the job commit together.
    const db: Db = { executeSql: (text, values) => client.query(text, values) };
    let sent = 0;
    for (const cabinet of claimed) {
      const kind = cabinet.status === 'initial_sync' ? 'initial' : 'periodic';
      const data: SyncJobData = { cabinetId: cabinet.id, kind };
      const jobId = await boss.send(CABINET_SYNC_QUEUE, data, {
        singletonKey: cabinet.id,
        priority: PRIORITY[kind],
        db,
      });
      if (jobId === null) {
        // The cabinet already has a job queued or running (the exclusive policy refused a second).
        // A running one may have started before this request (a new key, "sync now"), so look
        // again soon rather than a whole interval later.
        await rescheduleSync(client, cabinet.id, tickSeconds * 1000);
      } else {
        sent += 1;
      }
    }
    return sent;
  });
}
