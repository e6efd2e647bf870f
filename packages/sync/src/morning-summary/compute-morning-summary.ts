import type pg from 'pg';
import { parsePayload, type NotificationPayload } from '@wb-assist/domain';
import { FORECAST_WINDOW_DAYS } from '../intelligence/stock-forecast-events.ts';

/** Sizes listed by name in a summary; the rest are counted. */
const LISTED_SIZES = 5;

export interface SummaryCabinet {
  id: string;
  name: string;
  criticalStockThreshold: number;
  /** The member's stock_forecast threshold: a size with fewer days of cover is running out. */
  forecastDays: number;
}

export interface ComputeMorningSummaryOptions {
  cabinet: SummaryCabinet;
  /** The local date summarised (YYYY-MM-DD in timeZone) and the same weekday a week before. */
  day: string;
  weekAgo: string;
  timeZone: string;
  /** The moment stocks and days of cover are taken at: the summary's scheduled time. */
  at: Date;
  /** The dashboard's public address (PUBLIC_WEB_URL). */
  webUrl: string;
}

interface Totals {
  day: string;
  orders: number;
  orders_amount: number;
  buyouts: number;
  buyouts_amount: number;
  cancellations: number;
  cancellations_amount: number;
  returns: number;
  returns_amount: number;
}

interface Cover {
  nm_id: number;
  title: string | null;
  vendor_code: string | null;
  tech_size: string | null;
  available: number;
  days_of_cover: number | null;
}

const KINDS = ['orders', 'buyouts', 'cancellations', 'returns'] as const;

/**
 * One cabinet's yesterday as one member sees it: the figures of wb_daily_totals (the
 * dashboard's own, so the two never disagree) for the day and for the same weekday a week
 * before, in the member's zone; the day's top products; stock from stock_days_of_cover; and
 * the negative reviews nobody has answered.
 */
export async function computeMorningSummary(
  client: pg.ClientBase,
  options: ComputeMorningSummaryOptions,
): Promise<NotificationPayload<'morning_summary'>> {
  const { cabinet, day, weekAgo, timeZone, at } = options;
  // One client runs one query at a time: four in a row, each on the cabinet's own indexes.
  const totals = await client.query<Totals>(
    `SELECT day::text, orders, orders_amount::float8, buyouts, buyouts_amount::float8,
              cancellations, cancellations_amount::float8, returns, returns_amount::float8
       FROM wb_daily_totals($1, $2::date, $3::date, $4) WHERE day IN ($2::date, $3::date)`,
    [cabinet.id, weekAgo, day, timeZone],
  );
  const top = await client.query<{
    nm_id: number;
    title: string | null;
    vendor_code: string;
    count: number;
    amount: number;
  }>(
    `SELECT o.nm_id, p.title, coalesce(p.vendor_code, max(o.supplier_article)) AS vendor_code, count(*)::int AS count,
              coalesce(sum(o.price_with_disc) FILTER (WHERE NOT o.is_cancel), 0)::float8 AS amount
       FROM wb_orders o LEFT JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id
       WHERE o.cabinet_id = $1 AND o.order_date >= $2::date::timestamp AT TIME ZONE $3
         AND o.order_date < ($2::date + 1)::timestamp AT TIME ZONE $3
       GROUP BY o.nm_id, p.title, p.vendor_code
       ORDER BY count DESC, amount DESC, o.nm_id
       LIMIT 3`,
    [cabinet.id, day, timeZone],
  );
  const covers = await client.query<Cover>(
    `SELECT c.nm_id, p.title, p.vendor_code, c.tech_size, c.available, c.days_of_cover::float8
       FROM stock_days_of_cover($1, $2, $3) c LEFT JOIN wb_products p ON p.cabinet_id = $1 AND p.nm_id = c.nm_id
       WHERE c.available <= $4 OR c.days_of_cover < $5
       ORDER BY c.available, c.days_of_cover NULLS FIRST, c.nm_id, c.size_key`,
    [cabinet.id, at, FORECAST_WINDOW_DAYS, cabinet.criticalStockThreshold, cabinet.forecastDays],
  );
  const reviews = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM wb_reviews WHERE cabinet_id = $1 AND rating <= 3 AND NOT is_answered`,
    [cabinet.id],
  );
  const of = (date: string) => totals.rows.find((row) => row.day === date);
  const now = of(day);
  const before = of(weekAgo);
  // The dashboard's own rate (apps/web's kpis): buyouts among the day's buyouts and returns.
  const settled = now ? now.buyouts + now.returns : 0;
  const size = (row: Cover) => ({
    nmId: row.nm_id,
    name: row.title,
    vendorCode: row.vendor_code ?? String(row.nm_id),
    size: row.tech_size,
    available: row.available,
    daysOfCover: row.days_of_cover,
  });
  const critical = covers.rows.filter((row) => row.available <= cabinet.criticalStockThreshold);
  const runningOut = covers.rows.filter((row) => row.available > cabinet.criticalStockThreshold);
  return parsePayload('morning_summary', {
    v: 1,
    cabinetName: cabinet.name,
    day,
    weekAgo,
    figures: KINDS.map((kind) => ({
      kind,
      count: now?.[kind] ?? 0,
      amount: now?.[`${kind}_amount`] ?? 0,
      weekAgoCount: before?.[kind] ?? 0,
      weekAgoAmount: before?.[`${kind}_amount`] ?? 0,
    })),
    buyoutRate: now && settled > 0 ? Math.round((now.buyouts / settled) * 1000) / 10 : null,
    topProducts: top.rows.map((row) => ({
      nmId: row.nm_id,
      name: row.title,
      vendorCode: row.vendor_code,
      count: row.count,
      amount: row.amount,
    })),
    critical: critical.slice(0, LISTED_SIZES).map(size),
    criticalTotal: critical.length,
    runningOut: runningOut.slice(0, LISTED_SIZES).map(size),
    runningOutTotal: runningOut.length,
    unansweredNegative: reviews.rows[0]?.n ?? 0,
    detailsUrl: `${options.webUrl.replace(/\/$/, '')}/?cabinet=${cabinet.id}&day=${day}`,
  });
}
