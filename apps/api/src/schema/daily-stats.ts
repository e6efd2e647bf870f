import type { GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { checkRange, zoneFor } from './time-zone.ts';

interface DayRow {
  day: string;
  orders: number;
  ordered_amount: string;
  cancellations: number;
  buyouts: number;
  returns: number;
  revenue: string;
}

const DailyStats = builder.objectRef<DayRow>('DailyStats').implement({
  description: 'Totals of one calendar day in the requested time zone.',
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (row) => row.day }),
    orders: t.exposeInt('orders', { description: 'Orders placed that day (cancelled ones included).' }),
    orderedAmount: t.field({
      type: 'Decimal',
      description: 'Sum of priceWithDisc of that day’s orders that are not cancelled.',
      resolve: (row) => row.ordered_amount,
    }),
    cancellations: t.exposeInt('cancellations', { description: 'Orders cancelled that day.' }),
    buyouts: t.exposeInt('buyouts'),
    returns: t.exposeInt('returns'),
    revenue: t.field({
      type: 'Decimal',
      description: 'Buyouts minus returns (priceWithDisc; returns carry negative money).',
      resolve: (row) => row.revenue,
    }),
  }),
});

const MAX_DAYS = 366;

/**
 * One SQL statement: each source is grouped by its local day (index range scan on the
 * cabinet's date index), then joined to the calendar so empty days show as zeros.
 */
async function dailyStats(ctx: GraphQLContext, cabinetId: string, from: string, to: string, zone: string) {
  checkRange(from, to, MAX_DAYS);
  return ctx.prisma.$queryRaw<DayRow[]>`
    WITH bounds AS (
      SELECT ${from}::date::timestamp AT TIME ZONE ${zone} AS lo,
             (${to}::date + 1)::timestamp AT TIME ZONE ${zone} AS hi
    ),
    o AS (
      SELECT (order_date AT TIME ZONE ${zone})::date AS day, count(*)::int AS orders,
             coalesce(sum(price_with_disc) FILTER (WHERE NOT is_cancel), 0) AS ordered_amount
      FROM wb_orders, bounds
      WHERE cabinet_id = ${cabinetId}::uuid AND order_date >= lo AND order_date < hi
      GROUP BY 1
    ),
    c AS (
      SELECT (cancel_date AT TIME ZONE ${zone})::date AS day, count(*)::int AS cancellations
      FROM wb_orders, bounds
      WHERE cabinet_id = ${cabinetId}::uuid AND is_cancel AND cancel_date >= lo AND cancel_date < hi
      GROUP BY 1
    ),
    s AS (
      SELECT (sale_date AT TIME ZONE ${zone})::date AS day,
             count(*) FILTER (WHERE type = 'buyout')::int AS buyouts,
             count(*) FILTER (WHERE type = 'return')::int AS returns,
             coalesce(sum(price_with_disc), 0) AS revenue
      FROM wb_sales, bounds
      WHERE cabinet_id = ${cabinetId}::uuid AND sale_date >= lo AND sale_date < hi
      GROUP BY 1
    )
    SELECT to_char(d, 'YYYY-MM-DD') AS day,
           coalesce(o.orders, 0) AS orders, coalesce(o.ordered_amount, 0)::text AS ordered_amount,
           coalesce(c.cancellations, 0) AS cancellations,
           coalesce(s.buyouts, 0) AS buyouts, coalesce(s.returns, 0) AS returns,
           coalesce(s.revenue, 0)::text AS revenue
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS d
    LEFT JOIN o ON o.day = d::date
    LEFT JOIN c ON c.day = d::date
    LEFT JOIN s ON s.day = d::date
    ORDER BY d`;
}

builder.prismaObjectField(Cabinet, 'dailyStats', (t) =>
  t.field({
    type: [DailyStats],
    description: 'Per-day totals over [from, to] (inclusive), in the given or the viewer’s time zone.',
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      timeZone: t.arg.string({ description: 'IANA zone; defaults to the viewer’s (Moscow unless changed).' }),
    },
    resolve: async (cabinet, args, ctx) =>
      dailyStats(ctx, cabinet.id, args.from, args.to, await zoneFor(ctx, args.timeZone)),
  }),
);
