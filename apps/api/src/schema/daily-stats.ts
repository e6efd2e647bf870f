import type { GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { badInput, checkRange, zoneFor } from './time-zone.ts';

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
      description: 'Sum of priceWithDisc of that day’s orders, cancelled ones included (as `orders` counts them).',
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
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

/** HH:MM[:SS], or a clear refusal rather than PostgreSQL's cast error mid-query. */
function checkTimeOfDay(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!TIME_OF_DAY.test(value)) throw badInput('«untilTimeOfDay» must be a time of day as HH:MM or HH:MM:SS.');
  return value;
}

/**
 * The database's wb_daily_totals (a migration defines it): the same figures a notification's
 * context line quotes («Сегодня: 12 заказов на 34 560 ₽»), so the two cannot drift apart.
 */
async function dailyStats(
  ctx: GraphQLContext,
  range: { cabinetId: string; from: string; to: string; zone: string; until: string | null },
) {
  const { cabinetId, from, to, zone, until } = range;
  checkRange(from, to, MAX_DAYS);
  return ctx.prisma.$queryRaw<DayRow[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, orders, orders_amount::text AS ordered_amount, cancellations,
           buyouts, returns, revenue::text AS revenue
    FROM wb_daily_totals(${cabinetId}::uuid, ${from}::date, ${to}::date, ${zone}, ${until}::time)
    ORDER BY day`;
}

builder.prismaObjectField(Cabinet, 'dailyStats', (t) =>
  t.field({
    type: [DailyStats],
    description: 'Per-day totals over [from, to] (inclusive), in the given or the viewer’s time zone.',
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      timeZone: t.arg.string({ description: 'IANA zone; defaults to the viewer’s (Moscow unless changed).' }),
      untilTimeOfDay: t.arg.string({
        description:
          'HH:MM[:SS] in that zone: each day counts only what happened before this time (to compare today so far with the same hours of another day).',
      }),
    },
    resolve: async (cabinet, args, ctx) => {
      const until = checkTimeOfDay(args.untilTimeOfDay);
      const zone = await zoneFor(ctx, args.timeZone);
      return dailyStats(ctx, { cabinetId: cabinet.id, from: args.from, to: args.to, zone, until });
    },
  }),
);
