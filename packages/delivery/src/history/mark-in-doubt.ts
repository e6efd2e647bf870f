import type { Db } from './db.ts';

/** pending: sending again after a send whose outcome nobody knows; the chat may show it twice. */
export async function markInDoubt(db: Db, ids: string[]): Promise<void> {
  await db.query(
    `UPDATE notification_history SET in_doubt = true, updated_at = now() WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids],
  );
}
