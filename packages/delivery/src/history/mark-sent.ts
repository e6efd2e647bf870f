import type { Db } from './db.ts';

/**
 * → sent, from any other status: Telegram took the message, so the row says so even if it was
 * settled otherwise meanwhile (its user left the cabinet, or the worker gave up on an answer
 * that was lost). A row already sent keeps its first sent_at: the bot marks it the moment
 * Telegram accepts, and the worker's mark after the bot's answer changes nothing.
 */
export async function markSent(db: Db, ids: string[]): Promise<void> {
  await db.query(
    `UPDATE notification_history SET status = 'sent', sent_at = now(), reason = NULL, last_error = NULL, updated_at = now()
     WHERE id = ANY($1::bigint[]) AND status <> 'sent'`,
    [ids],
  );
}
