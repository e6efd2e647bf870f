/** Why a cabinet is being synced; the handler decides how far back to read from it. */
export type SyncKind = 'initial' | 'periodic' | 'manual';

export type SyncOutcome =
  | { status: 'done' }
  /** WB asked us to wait: the cabinet is due again after the wait, and it is not an error. */
  | { status: 'rate_limited'; retryAfterMs: number }
  /** WB refused the key (401, expired, revoked): the cabinet stops syncing until a new key. */
  | { status: 'key_invalid'; reason: string }
  | { status: 'skipped'; reason: string };

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
