import type pg from 'pg';
import { CHANNELS } from '@wb-assist/db/channels';
import type { DetectedEvent } from './detect.ts';

/**
 * Writes events in the transaction of the data that caused them, then fans each new one out to
 * every member of the cabinet as a pending notification_history row, announced with NOTIFY
 * (delivered on commit, so nothing rolled back is ever announced). The NOTIFY is built in this
 * statement, one per fanned-out row without a round trip each; its JSON is the notification
 * channel's payload (CHANNELS.notification.schema, checked by events.int.test.ts). The event key is the
 * identity that makes "exactly once" a constraint: a retried page, an overlapping page or a
 * second worker inserts nothing twice. An event meant for one member only (a forecast against
 * that user's own threshold) names the user and goes to no one else.
 */
export async function writeEvents(
  client: pg.ClientBase,
  cabinetId: string,
  syncLogId: string | null,
  events: DetectedEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  // The order feed and the sync may write the same keys for one cabinet at once, each in its
  // own order: one at a time per cabinet, so two transactions never deadlock on the unique key.
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`outbox:${cabinetId}`]);
  const { rows } = await client.query<{ created: number }>(
    `WITH incoming AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS e(type notification_type, event_key text, occurred_at timestamptz, payload jsonb, user_id uuid)
     ), stored AS (
       INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload, sync_log_id, fanned_out_at)
       SELECT $1::uuid, type, event_key, occurred_at, payload, $3::bigint, now() FROM incoming
       ON CONFLICT (event_key) DO NOTHING
       RETURNING id, type, event_key, occurred_at
     ), fanned AS (
       INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at)
       SELECT m.user_id, $1::uuid, s.id, s.event_key, s.type, s.occurred_at
       FROM stored s JOIN incoming i ON i.event_key = s.event_key CROSS JOIN cabinet_users m
       WHERE m.cabinet_id = $1::uuid AND (i.user_id IS NULL OR m.user_id = i.user_id)
       ON CONFLICT (user_id, event_key) DO NOTHING
       RETURNING id, user_id, type
     ), announced AS (
       SELECT pg_notify($4, json_build_object('id', f.id::text, 'userId', f.user_id, 'cabinetId', $1::uuid, 'type', f.type)::text)
       FROM fanned f
     )
     SELECT (SELECT count(*) FROM stored)::int AS created, (SELECT count(*) FROM announced)::int AS announced`,
    [
      cabinetId,
      JSON.stringify(
        events.map((event) => ({
          type: event.type,
          event_key: `${cabinetId}:${event.type}:${event.identity}`,
          occurred_at: event.occurredAt,
          payload: event.payload,
          user_id: event.userId ?? null,
        })),
      ),
      syncLogId,
      CHANNELS.notification.name,
    ],
  );
  return rows[0]?.created ?? 0;
}
