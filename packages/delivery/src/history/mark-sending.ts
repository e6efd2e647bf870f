import type { Db } from './db.ts';

/** pending: the bot is handing the message to Telegram now (sending_since). */
export async function markSending(db: Db, ids: string[]): Promise<void> {
  await db.query(
    `UPDATE notification_history SET sending_since = now() WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids],
  );
}
