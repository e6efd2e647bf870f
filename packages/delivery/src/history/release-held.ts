import type { Db } from './db.ts';

/**
 * held → pending, due at once, for every row whose window ended by `now`. One statement, so a
 * crash leaves the rows either held or released, and released rows are delivered like any
 * pending ones (leased, marked sent by the bot): the digest goes out once. held_at stays, so the
 * delivery sends them together as the digest, in their place in the chat's event order.
 */
export async function releaseHeld(db: Db, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notification_history SET status = 'pending', next_attempt_at = LEAST(now(), $1), updated_at = now()
     WHERE status = 'held' AND next_attempt_at <= $1`,
    [now],
  );
  return rowCount ?? 0;
}
