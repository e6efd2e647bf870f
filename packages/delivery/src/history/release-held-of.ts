import { executeSql, type SqlExecutor } from '@wb-assist/db';

/**
 * held → pending, due at once, for everything held for one user: they stopped holding (quiet
 * hours off, or silent). Runs in the caller's transaction, Prisma's or pg's, with the setting's
 * change; delivery then sends the rows as the digest under the settings as they are now.
 */
export async function releaseHeldOf(db: SqlExecutor, userId: string): Promise<number> {
  return executeSql(
    db,
    `UPDATE notification_history SET status = 'pending', next_attempt_at = now(), updated_at = now()
     WHERE user_id = $1::uuid AND status = 'held'`,
    [userId],
  );
}
