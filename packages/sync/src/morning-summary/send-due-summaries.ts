import type pg from 'pg';
import { inTransaction } from '@wb-assist/db';
import { NOTIFICATION_REGISTRY } from '@wb-assist/domain';
import { writeEvents } from '../events/outbox.ts';
import { computeMorningSummary, type SummaryCabinet } from './compute-morning-summary.ts';

export interface SendDueSummariesOptions {
  pool: pg.Pool;
  /** The clock the schedule is read against (the emulator's in tests). */
  now: Date;
  /** The dashboard's public address, for «Подробнее». */
  webUrl: string;
  /** Most users this call handles; the caller calls again while it returns that many. */
  limit: number;
}

/** The summary's own switch in notification_settings, as the registry names it. */
const SWITCH = NOTIFICATION_REGISTRY.morning_summary.setting.column;

interface DueUser {
  id: string;
  time_zone: string;
  scheduled: boolean;
  /** The latest scheduled local date at or before now, and the instant of its summary time. */
  local_date: string;
  occurrence: Date;
  day: string;
  week_ago: string;
  /** The summary time on the next local date: the first one after now. */
  next_at: Date;
}

/**
 * Sends every morning summary that is due: per user, claimed with FOR UPDATE SKIP LOCKED (so
 * several workers share the work and none takes a user twice), computed for each of the user's
 * ready cabinets, written to the outbox and rescheduled in one transaction. A crash before the
 * commit leaves the user due and nothing written; after it, the user is scheduled for
 * tomorrow. The event key (user and local date) makes a second write of the same summary
 * insert nothing whatever happens in between. After downtime only the latest missed summary
 * goes out: the schedule jumps to the first summary time after now, never through each missed
 * day. A user never scheduled (new, or whose time or zone changed) is only scheduled.
 * Returns the users handled.
 */
export async function sendDueSummaries(options: SendDueSummariesOptions): Promise<number> {
  let handled = 0;
  while (handled < options.limit) {
    const done = await inTransaction(options.pool, (client) => sendNext(client, options));
    if (!done) break;
    handled += 1;
  }
  return handled;
}

async function sendNext(client: pg.ClientBase, options: SendDueSummariesOptions): Promise<boolean> {
  const { rows } = await client.query<DueUser>(
    `WITH due AS (
       SELECT id, time_zone, morning_summary_minute AS minute, next_summary_at IS NOT NULL AS scheduled,
              ($1::timestamptz AT TIME ZONE time_zone) AS local_now
       FROM users
       WHERE is_active AND (next_summary_at IS NULL OR next_summary_at <= $1)
       ORDER BY next_summary_at NULLS FIRST
       LIMIT 1
       FOR UPDATE SKIP LOCKED
     ), dated AS (
       SELECT *, CASE WHEN local_now::time >= make_interval(mins => minute)::time THEN local_now::date
                      ELSE local_now::date - 1 END AS local_date
       FROM due
     )
     SELECT id, time_zone, scheduled, local_date::text,
            (local_date + make_interval(mins => minute)) AT TIME ZONE time_zone AS occurrence,
            (local_date - 1)::text AS day, (local_date - 8)::text AS week_ago,
            (local_date + 1 + make_interval(mins => minute)) AT TIME ZONE time_zone AS next_at
     FROM dated`,
    [options.now],
  );
  const user = rows[0];
  if (!user) return false;
  if (user.scheduled) await writeSummaries(client, user, options);
  await client.query('UPDATE users SET next_summary_at = $2 WHERE id = $1', [user.id, user.next_at]);
  return true;
}

async function writeSummaries(client: pg.ClientBase, user: DueUser, options: SendDueSummariesOptions) {
  // A summary switched off (or all notifications) is not even computed: nothing would be sent.
  const { rows: cabinets } = await client.query<SummaryCabinet>(
    `SELECT c.id, c.name, c.critical_stock_threshold AS "criticalStockThreshold",
            coalesce(s.stock_forecast_days, 7) AS "forecastDays"
     FROM cabinet_users m JOIN cabinets c ON c.id = m.cabinet_id
     LEFT JOIN notification_settings s ON s.user_id = m.user_id AND s.cabinet_id = m.cabinet_id
     WHERE m.user_id = $1 AND c.status = 'ready'
       AND coalesce(s.notifications_enabled, true) AND coalesce(s.${SWITCH}, true)
     ORDER BY c.created_at`,
    [user.id],
  );
  for (const cabinet of cabinets) {
    const payload = await computeMorningSummary(client, {
      cabinet,
      day: user.day,
      weekAgo: user.week_ago,
      timeZone: user.time_zone,
      at: user.occurrence,
      webUrl: options.webUrl,
    });
    await writeEvents(client, cabinet.id, null, [
      {
        type: 'morning_summary',
        identity: `${user.id}:${user.local_date}`,
        occurredAt: user.occurrence,
        userId: user.id,
        payload,
      },
    ]);
  }
}
