import type { Db } from './db.ts';

/**
 * What the bot must know before sending: whether every row is sent already (answer "sent"
 * without a second message), and whether an earlier send of a pending one left its mark.
 */
export async function readSendState(db: Db, ids: string[]): Promise<{ allSent: boolean; marked: boolean }> {
  const { rows } = await db.query<{ pending: number; marked: number }>(
    `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS pending,
            count(*) FILTER (WHERE status = 'pending' AND sending_since IS NOT NULL)::int AS marked
     FROM notification_history WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return { allSent: rows[0]?.pending === 0, marked: (rows[0]?.marked ?? 0) > 0 };
}
