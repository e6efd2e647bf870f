import type { SyncKind, SyncOutcome } from '@wb-assist/sync';

// The outcomes are the sync's own; the worker acts on them (reschedule, pause, retry).
export type { SyncKind, SyncOutcome };

export interface CabinetSyncInput {
  cabinetId: string;
  kind: SyncKind;
  /** The pg-boss job id, for logs and the sync log. */
  jobId: string;
  /** Aborted when the job expires, loses its claim, or the worker's shutdown grace runs out. */
  signal: AbortSignal;
}

/**
 * Syncs one cabinet. Throwing means a failure worth retrying (5xx, timeout, a bug): the job is
 * retried with backoff and dead-lettered after the retry limit.
 */
export type CabinetSyncHandler = (input: CabinetSyncInput) => Promise<SyncOutcome>;
