import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { notificationDefinition, quietWindowAt, type QuietHoursMode } from '@wb-assist/domain';
import {
  claimDue,
  hold,
  markFailed,
  markSent,
  releaseHeld,
  reschedule,
  suppress,
  type ClaimedNotification,
} from './history/index.ts';
import { sign, SIGNATURE_HEADER } from './signature.ts';
import { botAnswerSchema } from './wire.ts';
import {
  BURST_SIZE,
  DAY_TOTALS,
  MAX_DIGEST,
  MAX_GROUP,
  SETTING_COLUMN,
  type BotAnswer,
  type BotDelivery,
  type DeliverableEvent,
  type NotificationType,
  type Renderer,
} from './types.ts';

export interface DeliveryOptions {
  pool: pg.Pool;
  /** The bot's notification endpoint. */
  endpoint: string;
  secret: string;
  render: Renderer;
  /** Users served per pass. */
  limit?: number;
  /** How long a notification stays leased to the process sending it (a crashed one releases it then). */
  leaseSeconds?: number;
  /** Attempts before a notification is marked failed. */
  maxAttempts?: number;
  timeoutMs?: number;
  /** The clock quiet hours are read against (the user's window, a held digest's release); tests move it. */
  now?: () => Date;
  log?: (entry: Record<string, unknown>, message: string) => void;
  /** Delivery time of each message, for metrics. */
  onDelivered?: (event: {
    type: NotificationType;
    status: 'sent' | 'failed' | 'suppressed' | 'retry' | 'held';
    latencyMs: number;
  }) => void;
}

type ClaimedRow = ClaimedNotification;

/** While one process delivers a notification, no other takes it: the row is leased this long. */
const LEASE_SECONDS = 60;

/** Exponential backoff with jitter, capped at 5 minutes. */
export function backoffMs(attempt: number): number {
  const base = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * A burst: this user's pending notifications of the same type from the same sync, grouped
 * when there are more than BURST_SIZE. Over MAX_GROUP they are cut into even parts (250 → 84,
 * 83, 83), so no request outgrows the bot's body limit and no small remainder goes out one
 * message per event. A read of the order feed keeps no sync log: its events are the ones its
 * page's transaction fanned out, which share that transaction's time.
 */
async function burstOf(pool: pg.Pool, head: ClaimedRow): Promise<ClaimedRow[]> {
  const { rows } = await pool.query<ClaimedRow>(
    `SELECT h.id, h.user_id, h.cabinet_id, h.type, h.event_key, h.occurred_at, h.attempts, h.created_at, h.held_at, o.sync_log_id
     FROM notification_history h JOIN outbox_events o ON o.id = h.outbox_event_id
     WHERE h.user_id = $1 AND h.status = 'pending' AND h.type = $2 AND h.id <> $4 AND h.held_at IS NULL
       AND CASE WHEN $3::bigint IS NULL THEN o.sync_log_id IS NULL AND h.cabinet_id = $5 AND h.created_at = $6
                ELSE o.sync_log_id = $3 END
     ORDER BY h.occurred_at, h.id`,
    [head.user_id, head.type, head.sync_log_id, head.id, head.cabinet_id, head.created_at],
  );
  const total = rows.length + 1;
  if (total <= BURST_SIZE) return [head];
  const size = Math.ceil(total / Math.ceil(total / MAX_GROUP));
  return [head, ...rows.slice(0, size - 1)];
}

/**
 * A digest: every notification quiet hours held for this user and released, whatever its type or
 * cabinet, as one message. Their payloads stay out of the request (the digest's text carries
 * them), so a night's worth fits the bot's body limit.
 */
async function digestOf(pool: pg.Pool, head: ClaimedRow): Promise<ClaimedRow[]> {
  const { rows } = await pool.query<ClaimedRow>(
    `SELECT h.id, h.user_id, h.cabinet_id, h.type, h.event_key, h.occurred_at, h.attempts, h.created_at, h.held_at, NULL AS sync_log_id
     FROM notification_history h
     WHERE h.user_id = $1 AND h.status = 'pending' AND h.held_at IS NOT NULL AND h.id <> $2
     ORDER BY h.occurred_at, h.id LIMIT $3`,
    [head.user_id, head.id, MAX_DIGEST - 1],
  );
  return [head, ...rows];
}

/**
 * The held notifications whose switch the user turned off during the night, with the reason:
 * settings count at delivery time, per cabinet and type, as for any notification.
 */
async function switchedOff(pool: pg.Pool, group: ClaimedRow[]): Promise<Map<string, string>> {
  const typeSwitch = Object.entries(SETTING_COLUMN)
    .map(([type, column]) => `WHEN '${type}' THEN s.${column}`)
    .join(' ');
  // The CASE is built from the registry's literal types and columns, never outside input.
  const { rows } = await pool.query<{ id: string; type: NotificationType; all_off: boolean }>(
    `SELECT h.id, h.type, s.notifications_enabled = false AS all_off
     FROM notification_history h JOIN notification_settings s ON s.user_id = h.user_id AND s.cabinet_id = h.cabinet_id
     WHERE h.id = ANY($1::bigint[]) AND (s.notifications_enabled = false OR (CASE h.type::text ${typeSwitch} END) = false)`,
    [group.map((row) => row.id)],
  );
  return new Map(rows.map((row) => [row.id, row.all_off ? 'notifications_disabled' : `type_disabled:${row.type}`]));
}

async function postToBot(options: DeliveryOptions, delivery: Omit<BotDelivery, 'attemptId'>): Promise<BotAnswer> {
  const send = () => {
    const body = JSON.stringify({ attemptId: randomUUID(), ...delivery });
    return fetch(options.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(options.secret, body) },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  };
  // A kept-alive connection the bot closed meanwhile fails at once, before the bot saw anything:
  // one immediate second try on a fresh connection, not a backoff.
  const response = await send().catch((error: unknown) => {
    if ((error as Error).name === 'TimeoutError') throw error;
    return send();
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`bot answered ${response.status}: ${text.slice(0, 200)}`);
  const answer = botAnswerSchema.safeParse(JSON.parse(text));
  if (!answer.success) throw new Error(`bot answered an unknown status: ${text.slice(0, 200)}`);
  return answer.data;
}

/**
 * One delivery pass: for each user whose turn has come, apply their settings as they are now,
 * render, POST to the bot and record the outcome. Returns how many notifications were settled
 * (sent, suppressed or failed), so a caller knows whether to go again at once.
 */
export async function deliverDue(options: DeliveryOptions): Promise<number> {
  const { pool } = options;
  const now = options.now?.() ?? new Date();
  // Before claiming, so a released digest takes its place in each chat's event order this pass.
  await releaseHeld(pool, now);
  const heads = await claimDue(pool, {
    limit: options.limit ?? 50,
    leaseSeconds: options.leaseSeconds ?? LEASE_SECONDS,
  });
  let settled = 0;
  await Promise.all(
    heads.map(async (head) => {
      const digest = head.held_at !== null;
      let group = digest ? await digestOf(pool, head) : await burstOf(pool, head);
      let ids = group.map((row) => row.id);
      const { rows: people } = await pool.query<{
        telegram_id: string;
        is_active: boolean;
        time_zone: string;
        quiet_hours_mode: QuietHoursMode;
        quiet_hours_start: number;
        quiet_hours_end: number;
        quiet_hours_critical_stock: boolean;
        notifications_enabled: boolean | null;
        type_enabled: boolean | null;
      }>(
        `SELECT u.telegram_id::text, u.is_active, u.time_zone, u.quiet_hours_mode, u.quiet_hours_start, u.quiet_hours_end,
                u.quiet_hours_critical_stock, s.notifications_enabled, s.${SETTING_COLUMN[head.type]} AS type_enabled
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id AND s.cabinet_id = $2
         WHERE u.id = $1`,
        [head.user_id, head.cabinet_id],
      );
      const person = people[0];
      const latencyMs = Date.now() - head.created_at.getTime();
      // Settings are read now, not when the event was found: a switch flipped in between counts.
      const reason = !person
        ? 'user_deleted'
        : !person.is_active
          ? 'user_blocked_bot'
          : digest
            ? null
            : person.notifications_enabled === false
              ? 'notifications_disabled'
              : person.type_enabled === false
                ? `type_disabled:${head.type}`
                : null;
      if (reason || !person) {
        await suppress(pool, ids, reason ?? 'user_deleted');
        settled += ids.length;
        options.onDelivered?.({ type: head.type, status: 'suppressed', latencyMs });
        return;
      }
      if (digest) {
        const off = await switchedOff(pool, group);
        for (const [id, why] of off) await suppress(pool, [id], why);
        settled += off.size;
        group = group.filter((row) => !off.has(row.id));
        if (group.length === 0) return;
        ids = group.map((row) => row.id);
      }
      const hours = {
        mode: person.quiet_hours_mode,
        start: person.quiet_hours_start,
        end: person.quiet_hours_end,
        timeZone: person.time_zone,
      };
      // A digest is checked too: released early (quiet hours turned to silent) it must not ring at night.
      const window = quietWindowAt(hours, now);
      const breaksThrough = !digest && head.type === 'critical_stock' && person.quiet_hours_critical_stock;
      const quiet = window.inside && !breaksThrough;
      if (window.inside && !breaksThrough && hours.mode === 'digest') {
        await hold(pool, ids, window.endsAt);
        settled += ids.length;
        options.onDelivered?.({ type: head.type, status: 'held', latencyMs });
        return;
      }
      const loaded = await loadEvents(pool, group);
      // A payload its type's schema refuses can never be shown: it fails alone, with the reason,
      // and the rest of the burst goes on, rather than blocking this user's queue for good.
      const events: DeliverableEvent[] = [];
      for (const event of loaded) {
        const parsed = notificationDefinition(event.type).payload.safeParse(event.payload);
        if (parsed.success) {
          events.push(event);
          continue;
        }
        await markFailed(pool, [event.notificationId], 'bad_payload', parsed.error.message);
        settled += 1;
        options.onDelivered?.({ type: head.type, status: 'failed', latencyMs });
        options.log?.(
          { notificationId: event.notificationId, eventKey: event.eventKey, err: parsed.error.message },
          'notification payload does not match its type; marked failed',
        );
      }
      if (events.length === 0) return;
      ids = events.map((event) => event.notificationId);
      // A digest quotes no day's figures: its events span the night and maybe several cabinets.
      const context = digest ? undefined : await contextFor(pool, events.at(-1), person.time_zone);
      for (const event of events) event.context = context;
      let messages: BotDelivery['messages'];
      try {
        messages = options.render(events, {
          timeZone: person.time_zone,
          ...(digest ? { digest: { start: hours.start, end: hours.end } } : {}),
        });
      } catch (error) {
        // A template that throws would throw again on every retry: give up on these at once.
        const message = (error as Error).message;
        await markFailed(pool, ids, 'render_failed', message);
        settled += ids.length;
        options.onDelivered?.({ type: head.type, status: 'failed', latencyMs });
        options.log?.({ notificationIds: ids, err: message }, 'rendering the notification failed; marked failed');
        return;
      }
      const delivery: Omit<BotDelivery, 'attemptId'> = {
        notificationIds: ids,
        userId: head.user_id,
        chatId: person.telegram_id,
        messages,
        events: events.map((event) => ({
          type: event.type,
          eventKey: event.eventKey,
          cabinetId: event.cabinetId,
          occurredAt: event.occurredAt.toISOString(),
          payload: digest ? {} : event.payload,
        })),
        ...(quiet ? { silent: true } : {}),
      };
      try {
        const answer = await postToBot(options, delivery);
        if (answer.status === 'sent') {
          await markSent(pool, ids);
          settled += ids.length;
          options.onDelivered?.({ type: head.type, status: 'sent', latencyMs });
        } else if (answer.status === 'blocked') {
          // The user stopped the bot: nothing more goes to them until they come back.
          await pool.query(`UPDATE users SET is_active = false, blocked_at = now(), updated_at = now() WHERE id = $1`, [
            head.user_id,
          ]);
          await markFailed(pool, ids, 'user_blocked_bot');
          settled += ids.length;
          options.onDelivered?.({ type: head.type, status: 'failed', latencyMs });
        } else {
          await reschedule(pool, ids, answer.retryAfter * 1000);
          options.onDelivered?.({ type: head.type, status: 'retry', latencyMs });
        }
      } catch (error) {
        const message = (error as Error).message;
        if (head.attempts >= (options.maxAttempts ?? 20)) {
          await markFailed(pool, ids, 'bot_unreachable', message);
          settled += ids.length;
          options.onDelivered?.({ type: head.type, status: 'failed', latencyMs });
        } else {
          await reschedule(pool, ids, backoffMs(head.attempts), message);
          options.onDelivered?.({ type: head.type, status: 'retry', latencyMs });
        }
        options.log?.({ notificationIds: ids, attempt: head.attempts, err: message }, 'delivery to the bot failed');
      }
    }),
  );
  return settled;
}

async function loadEvents(pool: pg.Pool, group: ClaimedRow[]): Promise<DeliverableEvent[]> {
  const { rows } = await pool.query<{
    id: string;
    type: NotificationType;
    event_key: string;
    cabinet_id: string;
    occurred_at: Date;
    payload: Record<string, unknown>;
    title: string | null;
    image_url: string | null;
    vendor_code: string | null;
    brand: string | null;
  }>(
    `SELECT h.id, o.type, o.event_key, o.cabinet_id, o.occurred_at, o.payload, p.title, p.image_url, p.vendor_code, p.brand
     FROM notification_history h
     JOIN outbox_events o ON o.id = h.outbox_event_id
     LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id
       AND p.nm_id = (o.payload->>'nmId')::int
     WHERE h.id = ANY($1::bigint[])
     ORDER BY o.occurred_at, h.id`,
    [group.map((row) => row.id)],
  );
  return rows.map((row) => ({
    notificationId: row.id,
    type: row.type,
    eventKey: row.event_key,
    cabinetId: row.cabinet_id,
    occurredAt: row.occurred_at,
    payload: row.payload,
    product:
      row.title === null
        ? null
        : { title: row.title, imageUrl: row.image_url, vendorCode: row.vendor_code ?? '', brand: row.brand },
  }));
}

/**
 * The figures of the event's context line. A sale type quotes the cabinet's totals of the
 * event's day in the user's zone as the dashboard shows them (wb_daily_totals over the synced
 * rows, whether notified or not); `day` names that day when it is no longer today. A negative
 * review counts the day's reviews notified so far; every type carries how many product sizes
 * are critical now.
 */
async function contextFor(pool: pg.Pool, event: DeliverableEvent | undefined, timeZone: string) {
  if (!event) return undefined;
  const totals = DAY_TOTALS[event.type];
  // `totals` is one of the registry's literal column names, never outside input.
  const figures =
    totals === null
      ? `(SELECT count(*) FROM outbox_events WHERE cabinet_id = $1 AND type = $4::notification_type
           AND occurred_at >= d.day::timestamp AT TIME ZONE $3 AND occurred_at <= $2)::int AS count, 0::float8 AS amount`
      : `t.${totals} AS count, t.${totals}_amount::float8 AS amount`;
  const from = totals === null ? 'd' : 'd CROSS JOIN LATERAL wb_daily_totals($1, d.day, d.day, $3) t';
  const { rows } = await pool.query<{
    count: number;
    amount: number;
    day: string;
    today: boolean;
    critical_sizes: number;
  }>(
    `WITH d AS (SELECT ($2::timestamptz AT TIME ZONE $3)::date AS day)
     SELECT ${figures},
       to_char(d.day, 'YYYY-MM-DD') AS day,
       d.day = (now() AT TIME ZONE $3)::date AS today,
       (SELECT count(*) FROM (SELECT 1 FROM wb_stocks s WHERE s.cabinet_id = $1 GROUP BY s.nm_id, s.size_key
          HAVING sum(s.quantity) <= (SELECT critical_stock_threshold FROM cabinets WHERE id = $1)) critical)::int AS critical_sizes
     FROM ${from}`,
    totals === null
      ? [event.cabinetId, event.occurredAt, timeZone, event.type]
      : [event.cabinetId, event.occurredAt, timeZone],
  );
  const row = rows[0];
  return row
    ? { count: row.count, amount: row.amount, day: row.today ? null : row.day, criticalSizes: row.critical_sizes }
    : undefined;
}
