import type { NotificationType } from '@wb-assist/domain';
import type { Db } from './db.ts';

/** A pending notification as the worker takes it to deliver. */
export interface ClaimedNotification {
  id: string;
  user_id: string;
  cabinet_id: string;
  type: NotificationType;
  event_key: string;
  occurred_at: Date;
  /** Counting this one. */
  attempts: number;
  sync_log_id: string | null;
  created_at: Date;
  /** Set when quiet hours held it: released, it goes out in the digest. */
  held_at: Date | null;
}

/**
 * pending → pending, leased: takes the oldest pending notification of each user whose turn has
 * come. Only a user's oldest one is eligible, so one chat's messages go out in event order even
 * across retries; the lease (next_attempt_at moved `leaseSeconds` forward) keeps two worker
 * processes from sending the same one, and hands it back if this one dies.
 *
 * "Due" allows a millisecond: next_attempt_at keeps milliseconds, and a now() written there
 * (a new notification, a released digest) rounds up by as much as half of one, so a pass right
 * after the write would otherwise find it not yet due and stop.
 */
export async function claimDue(
  db: Db,
  options: { limit: number; leaseSeconds: number },
): Promise<ClaimedNotification[]> {
  const { rows } = await db.query<ClaimedNotification>(
    `WITH heads AS (
       SELECT DISTINCT ON (user_id) id, next_attempt_at FROM notification_history
       WHERE status = 'pending' ORDER BY user_id, occurred_at, id
     ), due AS (
       SELECT id FROM heads WHERE next_attempt_at <= now() + interval '1 millisecond' ORDER BY next_attempt_at LIMIT $1
     )
     UPDATE notification_history h SET next_attempt_at = now() + $2 * interval '1 second', attempts = h.attempts + 1, updated_at = now()
     FROM due WHERE h.id = due.id AND h.status = 'pending' AND h.next_attempt_at <= now() + interval '1 millisecond'
     RETURNING h.id, h.user_id, h.cabinet_id, h.type, h.event_key, h.occurred_at, h.attempts, h.created_at, h.held_at,
               (SELECT o.sync_log_id FROM outbox_events o WHERE o.id = h.outbox_event_id) AS sync_log_id`,
    [options.limit, options.leaseSeconds],
  );
  return rows;
}
