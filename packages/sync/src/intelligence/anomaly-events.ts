import type pg from 'pg';
import { parsePayload } from '@wb-assist/domain';
import type { DetectedEvent } from '../events/detect.ts';

/** Days before the day whose daily average is the usual level. */
export const ANOMALY_WINDOW_DAYS = 14;
/** A day is a spike at this many times the usual level… */
export const ANOMALY_FACTOR = 3;
/** …and at least this many units: 2 cancellations against 0.5 a day is noise, not news. */
export const ANOMALY_MIN_UNITS = 5;

/** The cabinet's day: the seller's shop runs on Moscow time, like WB's statistics. */
const ZONE = 'Europe/Moscow';

interface Figures {
  nm_id: number;
  day: string;
  cancels_today: number;
  cancels_before: number;
  returns_today: number;
  returns_before: number;
}

const spike = (today: number, before: number) =>
  today >= ANOMALY_MIN_UNITS && today >= (ANOMALY_FACTOR * before) / ANOMALY_WINDOW_DAYS;

/**
 * A product whose cancellations or returns today (Moscow) reach 3× their daily average of the
 * 14 days before, and at least 5 units. One event per product and day (its identity), with
 * every figure that spiked: a later sync the same day finds the key taken.
 */
export async function anomalyEvents(
  client: pg.ClientBase,
  options: { cabinetId: string; now: Date },
): Promise<DetectedEvent[]> {
  const { rows } = await client.query<Figures>(
    `WITH b AS (
       SELECT d AS day,
              d::timestamp AT TIME ZONE $3 AS day_start,
              (d + 1)::timestamp AT TIME ZONE $3 AS day_end,
              (d - $4::int)::timestamp AT TIME ZONE $3 AS window_start
       FROM (SELECT ($2::timestamptz AT TIME ZONE $3)::date AS d) x
     ),
     c AS (
       SELECT o.nm_id,
              count(*) FILTER (WHERE o.cancel_date >= b.day_start)::int AS today,
              count(*) FILTER (WHERE o.cancel_date < b.day_start)::int AS before
       FROM wb_orders o, b
       WHERE o.cabinet_id = $1 AND o.is_cancel AND o.cancel_date >= b.window_start AND o.cancel_date < b.day_end
       GROUP BY o.nm_id
     ),
     r AS (
       SELECT s.nm_id,
              count(*) FILTER (WHERE s.sale_date >= b.day_start)::int AS today,
              count(*) FILTER (WHERE s.sale_date < b.day_start)::int AS before
       FROM wb_sales s, b
       WHERE s.cabinet_id = $1 AND s.type = 'return' AND s.sale_date >= b.window_start AND s.sale_date < b.day_end
       GROUP BY s.nm_id
     )
     SELECT coalesce(c.nm_id, r.nm_id) AS nm_id, to_char(b.day, 'YYYY-MM-DD') AS day,
            coalesce(c.today, 0) AS cancels_today, coalesce(c.before, 0) AS cancels_before,
            coalesce(r.today, 0) AS returns_today, coalesce(r.before, 0) AS returns_before
     FROM c FULL JOIN r ON r.nm_id = c.nm_id CROSS JOIN b
     WHERE coalesce(c.today, 0) >= $5 OR coalesce(r.today, 0) >= $5`,
    [options.cabinetId, options.now, ZONE, ANOMALY_WINDOW_DAYS, ANOMALY_MIN_UNITS],
  );
  const events: DetectedEvent[] = [];
  for (const row of rows) {
    const figures = [
      { kind: 'cancellations', today: row.cancels_today, before: row.cancels_before },
      { kind: 'returns', today: row.returns_today, before: row.returns_before },
    ]
      .filter((figure) => spike(figure.today, figure.before))
      .map((figure) => ({
        kind: figure.kind,
        count: figure.today,
        average: Math.round((figure.before / ANOMALY_WINDOW_DAYS) * 100) / 100,
      }));
    if (figures.length === 0) continue;
    events.push({
      type: 'anomaly',
      identity: `${row.nm_id}:${row.day}`,
      occurredAt: options.now,
      payload: parsePayload('anomaly', {
        v: 1,
        nmId: row.nm_id,
        day: row.day,
        windowDays: ANOMALY_WINDOW_DAYS,
        figures,
      }),
    });
  }
  return events;
}
