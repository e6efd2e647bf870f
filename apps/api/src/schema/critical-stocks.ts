import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { badInput } from './time-zone.ts';

interface CriticalRow {
  nm_id: number;
  tech_size: string | null;
  vendor_code: string | null;
  title: string | null;
  image_url: string | null;
  available: number;
  warehouses: number;
}

const CriticalStock = builder.objectRef<CriticalRow>('CriticalStock').implement({
  description: 'A product size whose stock, summed over every warehouse, is at or below the critical threshold.',
  fields: (t) => ({
    nmId: t.exposeInt('nm_id'),
    techSize: t.exposeString('tech_size', { nullable: true }),
    vendorCode: t.exposeString('vendor_code', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    imageUrl: t.exposeString('image_url', { nullable: true }),
    available: t.exposeInt('available', { description: 'Available for sale, all warehouses together.' }),
    warehouses: t.exposeInt('warehouses', { description: 'Warehouses that hold this size at all.' }),
  }),
});

const MAX_FIRST = 100;

builder.prismaObjectField(Cabinet, 'criticalStocks', (t) =>
  t.field({
    type: [CriticalStock],
    description:
      'Sizes at or below criticalStockThreshold over all warehouses, scarcest first: the same rule as the critical-stock notification.',
    args: { first: t.arg.int({ defaultValue: 10, description: `At most ${MAX_FIRST}.` }) },
    resolve: async (cabinet, args, ctx) => {
      const first = args.first ?? 10;
      if (first < 1 || first > MAX_FIRST) throw badInput(`«first» must be between 1 and ${MAX_FIRST}.`);
      // Summed per size, as the notification does: a transfer between warehouses is no shortage.
      return ctx.prisma.$queryRaw<CriticalRow[]>`
        WITH sizes AS (
          SELECT nm_id, size_key, max(tech_size) AS tech_size, max(vendor_code) AS vendor_code,
                 sum(quantity)::int AS available, count(*)::int AS warehouses
          FROM wb_stocks
          WHERE cabinet_id = ${cabinet.id}::uuid
          GROUP BY nm_id, size_key
          HAVING sum(quantity) <= ${cabinet.criticalStockThreshold}
          ORDER BY available, nm_id, size_key
          LIMIT ${first}
        )
        SELECT sizes.nm_id, sizes.tech_size, coalesce(sizes.vendor_code, p.vendor_code) AS vendor_code,
               p.title, p.image_url, sizes.available, sizes.warehouses
        FROM sizes
        LEFT JOIN wb_products p ON p.cabinet_id = ${cabinet.id}::uuid AND p.nm_id = sizes.nm_id
        ORDER BY sizes.available, sizes.nm_id, sizes.tech_size`;
    },
  }),
);
