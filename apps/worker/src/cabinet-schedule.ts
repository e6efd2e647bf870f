import type pg from 'pg';

/**
 * The schedule lives in `cabinets`: a cabinet is due when it may sync (initial_sync or ready) and
 * its next_sync_at has come. Processes that do not run pg-boss (bot, API) request a sync by setting
 * next_sync_at; only the worker turns due cabinets into jobs.
 *
 * These statements leave updated_at alone on purpose: moving next_sync_at is bookkeeping of the
 * scheduler, not a change to the cabinet that a reader of updated_at cares about.
 */

export type SyncableStatus = 'initial_sync' | 'ready';
export type CabinetStatus = SyncableStatus | 'key_invalid' | 'paused';

export interface ClaimedCabinet {
  id: string;
  status: SyncableStatus;
}

/**
 * Takes up to `limit` due cabinets and moves their next_sync_at one interval ahead, so no other
 * process (or the next tick) takes them again. SKIP LOCKED lets several worker processes claim
 * at once without waiting on each other or taking the same row. A NULL next_sync_at counts as
 * due: a syncable cabinet must never be silently left out of the schedule.
 */
export async function claimDueCabinets(
  db: pg.ClientBase,
  { limit, intervalSeconds }: { limit: number; intervalSeconds: number },
): Promise<ClaimedCabinet[]> {
  const { rows } = await db.query<ClaimedCabinet>(
    `WITH due AS (
       SELECT id FROM cabinets
       WHERE status IN ('initial_sync', 'ready') AND (next_sync_at IS NULL OR next_sync_at <= now())
       ORDER BY next_sync_at NULLS FIRST
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     )
     UPDATE cabinets c SET next_sync_at = now() + make_interval(secs => $2)
     FROM due WHERE c.id = due.id
     RETURNING c.id, c.status`,
    [limit, intervalSeconds],
  );
  return rows;
}

/** The cabinet is due again after `delayMs` (from the database's clock, shared by every process). */
export async function rescheduleSync(db: pg.Pool | pg.ClientBase, cabinetId: string, delayMs: number): Promise<void> {
  await db.query(`UPDATE cabinets SET next_sync_at = now() + make_interval(secs => $2) WHERE id = $1`, [
    cabinetId,
    delayMs / 1000,
  ]);
}

/** Idempotent: the sync itself may already have marked the cabinet. */
export async function markKeyInvalid(db: pg.Pool, cabinetId: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE cabinets SET status = 'key_invalid', status_reason = $2, updated_at = now()
     WHERE id = $1 AND (status <> 'key_invalid' OR status_reason IS DISTINCT FROM $2)`,
    [cabinetId, reason],
  );
}

/** The cabinet's status now, or undefined when it was deleted. */
export async function readCabinetStatus(db: pg.Pool, cabinetId: string): Promise<CabinetStatus | undefined> {
  const { rows } = await db.query<{ status: CabinetStatus }>(`SELECT status FROM cabinets WHERE id = $1`, [cabinetId]);
  return rows[0]?.status;
}
