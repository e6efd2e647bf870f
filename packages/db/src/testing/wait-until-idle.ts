import type pg from 'pg';

type Db = pg.Pool | pg.ClientBase;

export interface IdleScope {
  /** Cabinets that must sync again; by default every cabinet whose status is 'ready' at each look. */
  cabinets?: readonly string[];
  /** Successful syncs, each started after the moment, every cabinet in scope needs; 0 when no worker runs. */
  syncs?: number;
  /** Whether pending notifications count as work left; false where nothing delivers them (no bot). */
  deliveries?: boolean;
}

/** What the system still has to do about what happened before `since`. */
export interface Outstanding {
  /** Cabinets in scope without enough successful syncs started after `since`. */
  unsynced: string[];
  /** outbox_events not yet fanned out to their cabinet's members. */
  events: number;
  /** notification_history rows still pending (counted only when `deliveries` is on). */
  notifications: number;
}

/**
 * One look, in one statement so every count comes from one snapshot: a sync seen complete here
 * committed its events before, and those events' notifications are counted in the same look.
 * A cabinet's syncs never overlap, so a sync that started after `since` and succeeded means every
 * earlier one has finished and what WB held at `since` has been read.
 */
export async function readOutstanding(db: Db, since: Date, scope: IdleScope = {}): Promise<Outstanding> {
  const { rows } = await db.query<Outstanding>(
    `SELECT ARRAY(
              SELECT c.id::text FROM cabinets c
              WHERE CASE WHEN $2::uuid[] IS NULL THEN c.status = 'ready' ELSE c.id = ANY($2::uuid[]) END
                AND (SELECT count(*) FROM wb_sync_logs l
                     WHERE l.cabinet_id = c.id AND l.status = 'success' AND l.started_at > $1) < $3
              ORDER BY c.id) AS unsynced,
            (SELECT count(*) FROM outbox_events WHERE fanned_out_at IS NULL)::int AS events,
            CASE WHEN $4 THEN (SELECT count(*) FROM notification_history WHERE status = 'pending')::int ELSE 0 END
              AS notifications`,
    [since, scope.cabinets ?? null, scope.syncs ?? 1, scope.deliveries ?? true],
  );
  return rows[0]!;
}

export function isIdle(outstanding: Outstanding): boolean {
  return outstanding.unsynced.length === 0 && outstanding.events === 0 && outstanding.notifications === 0;
}

/** Lines that say what was left, with the evidence for the first few cabinets that never synced again. */
export async function describeOutstanding(db: Db, since: Date, outstanding: Outstanding): Promise<string[]> {
  const lines: string[] = [];
  if (outstanding.unsynced.length > 0) {
    lines.push(`${outstanding.unsynced.length} cabinets without a successful sync since ${since.toISOString()}`);
    // The latest syncs whenever they started: a cabinet rescheduled far ahead (WB's rate limit)
    // shows why in the sync before the moment.
    const { rows } = await db.query<{ line: string }>(
      `SELECT c.id || ' (' || c.status || ', next_sync_at ' || coalesce(to_char(c.next_sync_at, 'HH24:MI:SS.MS'), 'null')
              || '): ' || coalesce(string_agg(l.kind || ' ' || l.status || ' at ' || to_char(l.started_at, 'HH24:MI:SS.MS')
              || coalesce(' ' || l.errors::text, ''), '; ' ORDER BY l.started_at DESC), 'never synced') AS line
       FROM cabinets c
       LEFT JOIN LATERAL (SELECT * FROM wb_sync_logs s WHERE s.cabinet_id = c.id ORDER BY s.started_at DESC LIMIT 3) l ON true
       WHERE c.id = ANY($1::uuid[])
       GROUP BY c.id ORDER BY c.id LIMIT 5`,
      [outstanding.unsynced],
    );
    lines.push(...rows.map((row) => `  ${row.line.slice(0, 600)}`));
  }
  if (outstanding.events > 0) lines.push(`${outstanding.events} outbox events not fanned out`);
  if (outstanding.notifications > 0) lines.push(`${outstanding.notifications} notifications still pending`);
  return lines;
}

/**
 * Waits until the system has nothing left to do about what happened before the call: every
 * cabinet in scope synced (successfully, `syncs` times) after it, the outbox fanned out and no
 * notification pending. A test that proves "nothing more arrives" calls this instead of sleeping:
 * it cannot pass early, a loaded machine only makes it wait longer. The moment is PostgreSQL's
 * clock; syncs stamp started_at from the worker's clock, which in tests is the same machine's.
 * Throws at the deadline, saying what was still outstanding.
 */
export async function waitUntilIdle(db: Db, { timeoutMs = 30_000, ...scope }: IdleScope & { timeoutMs?: number } = {}) {
  const { rows } = await db.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  const since = rows[0]!.now;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outstanding = await readOutstanding(db, since, scope);
    if (isIdle(outstanding)) return;
    if (Date.now() > deadline) {
      const lines = await describeOutstanding(db, since, outstanding);
      throw new Error(`the system did not become idle within ${timeoutMs} ms:\n${lines.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
