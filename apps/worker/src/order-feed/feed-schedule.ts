import type pg from 'pg';

/**
 * The order feed's schedule lives in `cabinets.next_feed_at`, apart from the full sync's
 * next_sync_at. A cabinet reads the feed when it is ready (its initial sync is done) and its key
 * allows it: Personal or Service (Base keys get one call in 3 hours: statistics serve them) with
 * the Analytics category (bit 2 of the `s` claim).
 */
const READS_FEED = `status = 'ready' AND token_type IN ('personal', 'service') AND (token_scopes & 4) <> 0`;

/**
 * Takes up to `limit` cabinets whose feed read is due within `leadMs` and moves their
 * next_feed_at one interval ahead in the same statement, so no other process takes them; a
 * process that dies mid-read leaves the cabinet due again one interval later. SKIP LOCKED:
 * several processes claim at once.
 *
 * The next read is due one interval after this one was due, not after the claim: a claim that
 * came late (a busy process, a tick) does not push every later read of the cabinet back with
 * it. Claimed ahead by `leadMs`, a read is already waiting when WB's bucket refills, and the
 * rate limiter lets its call go at that moment: the bucket keeps the minute, the claim only has
 * to be on time.
 */
export async function claimDueFeeds(
  db: pg.Pool | pg.ClientBase,
  { limit, intervalMs, leadMs = 0 }: { limit: number; intervalMs: number; leadMs?: number },
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `WITH due AS (
       SELECT id FROM cabinets
       WHERE ${READS_FEED} AND (next_feed_at IS NULL OR next_feed_at <= now() + make_interval(secs => $3))
       ORDER BY next_feed_at NULLS FIRST
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     )
     UPDATE cabinets c SET next_feed_at = GREATEST(c.next_feed_at, now()) + make_interval(secs => $2)
     FROM due WHERE c.id = due.id
     RETURNING c.id`,
    [limit, intervalMs / 1000, leadMs / 1000],
  );
  return rows.map((row) => row.id);
}

/** The cabinet's feed is due again after `delayMs` (WB asked to wait, or the key cannot read it). */
export async function rescheduleFeed(db: pg.Pool, cabinetId: string, delayMs: number): Promise<void> {
  await db.query(`UPDATE cabinets SET next_feed_at = now() + make_interval(secs => $2) WHERE id = $1`, [
    cabinetId,
    delayMs / 1000,
  ]);
}
