import type { Db } from './db.ts';

/** pending: Telegram definitely took none of it, so the send mark goes and a retry sends without doubt. */
export async function releaseSending(db: Db, ids: string[]): Promise<void> {
  await db.query(
    `UPDATE notification_history SET sending_since = NULL WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids],
  );
}
