import type { Db } from './db.ts';

/**
 * pending: tried again after `delayMs` (Telegram's retry-after, or the worker's backoff),
 * with the error that caused it when there was one.
 */
export async function reschedule(db: Db, ids: string[], delayMs: number, error?: string): Promise<void> {
  await db.query(
    `UPDATE notification_history SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = COALESCE($3, last_error)
     WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids, delayMs, error ?? null],
  );
}
