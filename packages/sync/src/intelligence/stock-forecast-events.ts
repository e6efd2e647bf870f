import type pg from 'pg';
import { parsePayload } from '@wb-assist/domain';
import type { DetectedEvent } from '../events/detect.ts';

/** Days the average daily orders are taken over. */
export const FORECAST_WINDOW_DAYS = 14;

interface Cover {
  nm_id: number;
  size_key: string;
  tech_size: string | null;
  available: number;
  orders: number;
  days_of_cover: string | null;
}

interface Alerted {
  user_id: string;
  nm_id: number;
  size_key: string;
  lowest_available: number;
}

const sizeOf = (row: { nm_id: number; size_key: string }) => `${row.nm_id}|${row.size_key}`;

/**
 * Per member and product size: a stock_forecast when the days of cover (stock_days_of_cover)
 * fall below the member's threshold, once per run-down. stock_forecast_alerts remembers the
 * alert and the lowest stock since; it re-arms only when the stock grows above that low and
 * the cover is back at the threshold: a restock. A move between warehouses leaves the sum as
 * it was (or lower, while units travel), so it neither alerts nor re-arms. A size out of stock
 * is the critical-stock rule's, and a size nobody ordered has no forecast.
 */
export async function stockForecastEvents(
  client: pg.ClientBase,
  options: { cabinetId: string; now: Date },
): Promise<DetectedEvent[]> {
  const { cabinetId, now } = options;
  const { rows: covers } = await client.query<Cover>(
    `SELECT nm_id, size_key, tech_size, available, orders, days_of_cover::text
     FROM stock_days_of_cover($1, $2, $3)`,
    [cabinetId, now, FORECAST_WINDOW_DAYS],
  );
  const { rows: members } = await client.query<{ user_id: string; threshold: number }>(
    `SELECT m.user_id, coalesce(s.stock_forecast_days, 7) AS threshold
     FROM cabinet_users m LEFT JOIN notification_settings s ON s.user_id = m.user_id AND s.cabinet_id = m.cabinet_id
     WHERE m.cabinet_id = $1`,
    [cabinetId],
  );
  const { rows: alerted } = await client.query<Alerted>(
    `SELECT user_id, nm_id, size_key, lowest_available FROM stock_forecast_alerts WHERE cabinet_id = $1`,
    [cabinetId],
  );
  const alerts = new Map(alerted.map((row) => [`${row.user_id}|${sizeOf(row)}`, row]));
  const rearmed: Alerted[] = [];
  const lower: Alerted[] = [];
  const raised: Alerted[] = [];
  const events: DetectedEvent[] = [];
  for (const member of members) {
    for (const cover of covers) {
      const days = cover.days_of_cover === null ? null : Number(cover.days_of_cover);
      const short = days !== null && days < member.threshold;
      const alert = alerts.get(`${member.user_id}|${sizeOf(cover)}`);
      const state = { user_id: member.user_id, nm_id: cover.nm_id, size_key: cover.size_key };
      if (alert) {
        if (cover.available > alert.lowest_available && !short) rearmed.push(alert);
        else if (cover.available < alert.lowest_available) lower.push({ ...state, lowest_available: cover.available });
        continue;
      }
      if (!short || cover.available <= 0) continue;
      raised.push({ ...state, lowest_available: cover.available });
      events.push({
        type: 'stock_forecast',
        identity: `${cover.nm_id}:${cover.size_key}:${member.user_id}:${now.getTime()}`,
        occurredAt: now,
        userId: member.user_id,
        payload: parsePayload('stock_forecast', {
          v: 1,
          nmId: cover.nm_id,
          sizeKey: cover.size_key,
          techSize: cover.tech_size,
          available: cover.available,
          orders: cover.orders,
          windowDays: FORECAST_WINDOW_DAYS,
          daysOfCover: days,
          thresholdDays: member.threshold,
        }),
      });
    }
  }
  await saveAlerts(client, cabinetId, now, { rearmed, lower, raised });
  return events;
}

async function saveAlerts(
  client: pg.ClientBase,
  cabinetId: string,
  now: Date,
  changes: { rearmed: Alerted[]; lower: Alerted[]; raised: Alerted[] },
): Promise<void> {
  if (changes.rearmed.length > 0) {
    await client.query(
      `DELETE FROM stock_forecast_alerts a USING jsonb_to_recordset($2::jsonb) AS r(user_id uuid, nm_id int, size_key text)
       WHERE a.cabinet_id = $1 AND a.user_id = r.user_id AND a.nm_id = r.nm_id AND a.size_key = r.size_key`,
      [cabinetId, JSON.stringify(changes.rearmed)],
    );
  }
  const upserts = [...changes.lower, ...changes.raised];
  if (upserts.length === 0) return;
  await client.query(
    `INSERT INTO stock_forecast_alerts (cabinet_id, user_id, nm_id, size_key, lowest_available, alerted_at)
     SELECT $1, r.user_id, r.nm_id, r.size_key, r.lowest_available, $3
     FROM jsonb_to_recordset($2::jsonb) AS r(user_id uuid, nm_id int, size_key text, lowest_available int)
     ON CONFLICT (cabinet_id, user_id, nm_id, size_key) DO UPDATE SET lowest_available = EXCLUDED.lowest_available`,
    [cabinetId, JSON.stringify(upserts), now],
  );
}
