import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { insertCabinet } from '../testing/cabinets.ts';
import { claimDueFeeds } from './feed-schedule.ts';

const ANALYTICS = 1 << 2;
const INTERVAL_MS = 61_000;
const LEAD_MS = 2_000;

describe('order feed schedule', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  afterAll(() => pool.end());

  /** A feed-capable cabinet whose next read is due `inMs` from the database's now. */
  async function dueIn(inMs: number): Promise<string> {
    const id = await insertCabinet(pool, { status: 'ready' });
    await pool.query(
      `UPDATE cabinets SET token_scopes = $2, next_feed_at = now() + make_interval(secs => $3) WHERE id = $1`,
      [id, ANALYTICS, inMs / 1000],
    );
    return id;
  }

  async function scheduled(id: string): Promise<{ nextMs: number; now: number }> {
    const { rows } = await pool.query<{ next: Date; now: Date }>(
      `SELECT next_feed_at AS next, now() FROM cabinets WHERE id = $1`,
      [id],
    );
    return { nextMs: rows[0]!.next.getTime(), now: rows[0]!.now.getTime() };
  }

  it('claims a read within its lead, and keeps the next one an interval after this one was due', async () => {
    const soon = await dueIn(1_000);
    const later = await dueIn(5_000);
    const before = await scheduled(soon);

    const claimed = await claimDueFeeds(pool, { limit: 100, intervalMs: INTERVAL_MS, leadMs: LEAD_MS });

    expect(claimed).toContain(soon);
    expect(claimed).not.toContain(later);
    // Anchored to when it was due, not to the claim: an early claim does not pull the
    // cabinet's reads forward, a busy process's late one does not push them back.
    expect((await scheduled(soon)).nextMs).toBe(before.nextMs + INTERVAL_MS);
  });

  it('schedules a read claimed after it was due one interval from now, never in the past', async () => {
    const overdue = await dueIn(-30_000);

    expect(await claimDueFeeds(pool, { limit: 100, intervalMs: INTERVAL_MS, leadMs: LEAD_MS })).toContain(overdue);

    const { nextMs, now } = await scheduled(overdue);
    // now() is the claim's transaction time, a few ms before this read's.
    expect(nextMs).toBeGreaterThan(now + INTERVAL_MS - 5_000);
    expect(nextMs).toBeLessThanOrEqual(now + INTERVAL_MS);
  });
});
