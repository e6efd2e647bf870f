import type { Db } from './db.ts';

/**
 * pending → held: quiet hours in digest mode keep these until `until` (the window's end). The
 * hold is a row state, not a timer, so a worker that dies during the night loses nothing: any
 * worker releases the rows when their time comes (releaseHeld).
 */
export async function hold(db: Db, ids: string[], until: Date): Promise<void> {
  await db.query(
    `UPDATE notification_history SET status = 'held', held_at = now(), next_attempt_at = $2, sending_since = NULL, updated_at = now()
     WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids, until],
  );
}
