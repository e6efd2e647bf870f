import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { badInput, checkRange, zoneFor } from './time-zone.ts';

interface TopRow {
  nm_id: number;
  vendor_code: string;
  title: string | null;
  image_url: string | null;
  orders: number;
  ordered_amount: string;
}

const TopProduct = builder.objectRef<TopRow>('TopProduct').implement({
  description: 'A product ranked by its orders over a range of days.',
  fields: (t) => ({
    nmId: t.exposeInt('nm_id'),
    vendorCode: t.exposeString('vendor_code'),
    title: t.exposeString('title', { nullable: true, description: 'Null until the product card is synced.' }),
    imageUrl: t.exposeString('image_url', { nullable: true }),
    orders: t.exposeInt('orders', { description: 'Orders placed in the range (cancelled ones included).' }),
    orderedAmount: t.field({
      type: 'Decimal',
      description: 'Sum of priceWithDisc of the range’s orders that are not cancelled.',
      resolve: (row) => row.ordered_amount,
    }),
  }),
});

const MAX_DAYS = 366;
const MAX_FIRST = 50;

builder.prismaObjectField(Cabinet, 'topProducts', (t) =>
  t.field({
    type: [TopProduct],
    description: 'Best sellers by orders over [from, to] (inclusive) in the given or the viewer’s time zone.',
    args: {
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      first: t.arg.int({ defaultValue: 5, description: `At most ${MAX_FIRST}.` }),
      timeZone: t.arg.string({ description: 'IANA zone; defaults to the viewer’s.' }),
    },
    resolve: async (cabinet, args, ctx) => {
      const first = args.first ?? 5;
      if (first < 1 || first > MAX_FIRST) throw badInput(`«first» must be between 1 and ${MAX_FIRST}.`);
      checkRange(args.from, args.to, MAX_DAYS);
      const zone = await zoneFor(ctx, args.timeZone);
      // Grouped on the (cabinet_id, order_date) index range, then only the winners meet the
      // product table.
      return ctx.prisma.$queryRaw<TopRow[]>`
        WITH top AS (
          SELECT nm_id, max(supplier_article) AS vendor_code, count(*)::int AS orders,
                 coalesce(sum(price_with_disc) FILTER (WHERE NOT is_cancel), 0) AS ordered_amount
          FROM wb_orders
          WHERE cabinet_id = ${cabinet.id}::uuid
            AND order_date >= ${args.from}::date::timestamp AT TIME ZONE ${zone}
            AND order_date < (${args.to}::date + 1)::timestamp AT TIME ZONE ${zone}
          GROUP BY nm_id
          ORDER BY orders DESC, ordered_amount DESC, nm_id
          LIMIT ${first}
        )
        SELECT top.nm_id, coalesce(p.vendor_code, top.vendor_code) AS vendor_code, p.title, p.image_url,
               top.orders, top.ordered_amount::text AS ordered_amount
        FROM top
        LEFT JOIN wb_products p ON p.cabinet_id = ${cabinet.id}::uuid AND p.nm_id = top.nm_id
        ORDER BY top.orders DESC, top.ordered_amount DESC, top.nm_id`;
    },
  }),
);
