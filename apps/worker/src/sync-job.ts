import type pg from 'pg';
import type { JobWithMetadata } from 'pg-boss';
import { z } from 'zod';
import type { Logger } from '@wb-assist/logger';
import { markKeyInvalid, readCabinetStatus, rescheduleSync, type CabinetStatus } from './cabinet-schedule.ts';
import type { CabinetSyncHandler, SyncKind, SyncOutcome } from './sync-handler.ts';

export const syncJobData = z.object({
  cabinetId: z.uuid(),
  kind: z.enum(['initial', 'periodic', 'manual']),
});

export type SyncJobData = z.infer<typeof syncJobData>;

/** What the job stores as its output: the handler's outcome, or why the handler did not finish. */
export type SyncJobResult = SyncOutcome | { status: 'released'; reason: string };

export interface SyncJobContext {
  pool: pg.Pool;
  handler: CabinetSyncHandler;
  logger: Logger;
  /** Aborted when a graceful shutdown has waited long enough for running syncs. */
  shutdownSignal: AbortSignal;
}

/** Runs one pg-boss job through the injected handler and applies its outcome to the schedule. */
export async function runSyncJob(job: JobWithMetadata<unknown>, context: SyncJobContext): Promise<SyncJobResult> {
  const data = syncJobData.parse(job.data);
  const log = context.logger.child({ cabinetId: data.cabinetId, jobId: job.id });

  // The job may have waited (queue, retry backoff) while the cabinet was paused or its key died.
  const status = await readCabinetStatus(context.pool, data.cabinetId);
  if (status !== 'initial_sync' && status !== 'ready') {
    const reason = status === undefined ? 'cabinet deleted' : `cabinet is ${status}`;
    log.info({ reason }, 'cabinet sync skipped');
    return { status: 'skipped', reason };
  }

  const kind = kindFor(status, data.kind);
  const signal = AbortSignal.any([job.signal, context.shutdownSignal]);
  const started = Date.now();
  let outcome: SyncOutcome;
  try {
    outcome = await context.handler({ cabinetId: data.cabinetId, kind, jobId: job.id, signal });
  } catch (error) {
    if (context.shutdownSignal.aborted) {
      // Released, not failed: the sync commits all or nothing, so making the cabinet due now lets
      // another process redo it at once without spending a retry.
      await rescheduleSync(context.pool, data.cabinetId, 0);
      log.warn({ err: error, kind }, 'cabinet sync interrupted by shutdown; released to another worker');
      return { status: 'released', reason: 'worker shut down' };
    }
    const attempt = job.retryCount + 1;
    const final = job.retryCount >= job.retryLimit;
    log[final ? 'error' : 'warn'](
      { err: error, kind, attempt, attempts: job.retryLimit + 1 },
      final ? 'cabinet sync failed on its last attempt; dead-lettered' : 'cabinet sync failed; will retry with backoff',
    );
    throw error;
  }
  await applyOutcome(context.pool, data.cabinetId, outcome);
  log.info({ kind, outcome, ms: Date.now() - started }, 'cabinet sync finished');
  return outcome;
}

/** The cabinet's status decides: a cabinet whose key was replaced since the job was sent needs an initial sync. */
function kindFor(status: CabinetStatus, requested: SyncKind): SyncKind {
  if (status === 'initial_sync') return 'initial';
  return requested === 'initial' ? 'periodic' : requested;
}

async function applyOutcome(pool: pg.Pool, cabinetId: string, outcome: SyncOutcome): Promise<void> {
  if (outcome.status === 'rate_limited') {
    // Not an error: the job completes and the cabinet comes due exactly when WB allows it.
    await rescheduleSync(pool, cabinetId, outcome.retryAfterMs);
  } else if (outcome.status === 'key_invalid') {
    await markKeyInvalid(pool, cabinetId, outcome.reason);
  }
}
