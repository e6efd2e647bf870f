import type { Db } from './db.ts';

/** pending → failed: the user blocked the bot, or the bot stayed unreachable for every attempt. */
export async function markFailed(db: Db, ids: string[], reason: string, error?: string): Promise<void> {
  await db.query(
    `UPDATE notification_history SET status = 'failed', reason = $2, last_error = $3, sent_at = NULL, updated_at = now()
     WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids, reason, error ?? null],
  );
}
