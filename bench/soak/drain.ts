import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { TelegramFake } from '@wb-assist/telegram-fake';
import { countSends } from './read-inbox.ts';

export interface DrainOutcome {
  seconds: number;
  /** Empty when drained; otherwise what was still outstanding at the deadline. */
  unfinished: string[];
}

async function outstanding(pool: pg.Pool, since: Date): Promise<{ unsynced: number; pending: number }> {
  const { rows } = await pool.query<{ unsynced: number; pending: number }>(
    `SELECT (SELECT count(*) FROM cabinets c WHERE NOT EXISTS (
               SELECT 1 FROM wb_sync_logs l
               WHERE l.cabinet_id = c.id AND l.kind = 'periodic' AND l.status = 'success' AND l.started_at > $1))::int AS unsynced,
            (SELECT count(*) FROM notification_history WHERE status = 'pending')::int AS pending`,
    [since],
  );
  return rows[0]!;
}

/** Evidence for a cabinet that never synced again: its syncs since the end, newest first. */
async function lastSyncs(pool: pg.Pool, since: Date): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `SELECT c.id || ': ' || coalesce(string_agg(l.status || ' at ' || to_char(l.started_at, 'HH24:MI:SS.MS')
              || coalesce(' ' || l.errors::text, ''), '; ' ORDER BY l.started_at DESC), 'no sync at all')
              || ' (next_sync_at ' || coalesce(to_char(c.next_sync_at, 'HH24:MI:SS.MS'), 'null') || ')' AS line
     FROM cabinets c LEFT JOIN wb_sync_logs l ON l.cabinet_id = c.id AND l.started_at > $1
     WHERE NOT EXISTS (SELECT 1 FROM wb_sync_logs s WHERE s.cabinet_id = c.id AND s.kind = 'periodic'
                       AND s.status = 'success' AND s.started_at > $1)
     GROUP BY c.id LIMIT 5`,
    [since],
  );
  return rows.map((row) => `  ${row.line.slice(0, 600)}`);
}

/**
 * After the live phase (shops' clock stopped, faults over): waits until every cabinet has had a
 * whole successful sync that started after the stop (so everything the shops did is read), no
 * notification is pending any more (sent, or given up as failed), and Telegram has seen no new
 * send for two seconds. Bounded: at the deadline it returns what was still outstanding, and the
 * comparison then shows it as lost.
 */
export async function drain(options: {
  pool: pg.Pool;
  telegram: TelegramFake;
  since: Date;
  timeoutMs: number;
}): Promise<DrainOutcome> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let last = { unsynced: -1, pending: -1 };
  let sends = countSends(options.telegram);
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    // The database may still be coming back from its restart: a failed look is just a look later.
    last = await outstanding(options.pool, options.since).catch(() => last);
    const now = countSends(options.telegram);
    if (now !== sends) {
      sends = now;
      quietSince = Date.now();
    }
    if (last.unsynced === 0 && last.pending === 0 && Date.now() - quietSince >= 2_000) {
      return { seconds: (Date.now() - started) / 1000, unfinished: [] };
    }
    await sleep(500);
  }
  const unfinished = [];
  if (last.unsynced !== 0) {
    unfinished.push(`${last.unsynced} cabinets without a successful sync since the end`);
    unfinished.push(...(await lastSyncs(options.pool, options.since).catch((error: Error) => [error.message])));
  }
  if (last.pending !== 0) unfinished.push(`${last.pending} notifications still pending`);
  if (unfinished.length === 0) unfinished.push('Telegram still receiving sends');
  return { seconds: (Date.now() - started) / 1000, unfinished };
}
