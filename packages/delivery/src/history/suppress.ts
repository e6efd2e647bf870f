import { executeSql, type SqlExecutor } from '@wb-assist/db';
import type { Db } from './db.ts';

/** pending → suppressed: not sent because of the user's settings or state; `reason` says which. */
export async function suppress(db: Db, ids: string[], reason: string): Promise<void> {
  await db.query(
    `UPDATE notification_history SET status = 'suppressed', reason = $2, last_error = NULL, sent_at = NULL, updated_at = now()
     WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
    [ids, reason],
  );
}

/**
 * pending or held → suppressed for everything queued to one member of a cabinet (they left it). Runs in
 * the caller's transaction, Prisma's or pg's, so the membership and its queue go together.
 */
export async function suppressForMember(
  db: SqlExecutor,
  member: { cabinetId: string; userId: string },
  reason: string,
): Promise<number> {
  return executeSql(
    db,
    `UPDATE notification_history SET status = 'suppressed', reason = $3, last_error = NULL, sent_at = NULL, updated_at = now()
     WHERE cabinet_id = $1::uuid AND user_id = $2::uuid AND status IN ('pending', 'held')`,
    [member.cabinetId, member.userId, reason],
  );
}
