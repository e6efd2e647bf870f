import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { isCriticalStock } from '@wb-assist/domain';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { offsetArgument, pageArgs, searchText } from './table-query.ts';

interface WarehouseStock {
  warehouseName: string;
  regionName: string | null;
  quantity: number;
}

interface SizeRow {
  nm_id: number;
  size_key: string;
  tech_size: string | null;
  vendor_code: string | null;
  title: string | null;
  image_url: string | null;
  available: number;
  in_way_to_client: number;
  in_way_from_client: number;
  orders: number;
  avg_daily_orders: number;
  days_of_cover: number | null;
  warehouses: WarehouseStock[];
}

type StockSizeRow = SizeRow & { critical: boolean };

const StockWarehouse = builder.objectRef<WarehouseStock>('StockSizeWarehouse').implement({
  description: 'Units of one product size in one warehouse.',
  fields: (t) => ({
    warehouseName: t.exposeString('warehouseName'),
    regionName: t.exposeString('regionName', { nullable: true }),
    quantity: t.exposeInt('quantity', { description: 'Available for sale in this warehouse.' }),
  }),
});

const StockSize = builder.objectRef<StockSizeRow>('StockSize').implement({
  description: 'One product size with its stock summed over every warehouse, as the critical-stock rule counts it.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => `${row.nm_id}|${row.size_key}` }),
    nmId: t.exposeInt('nm_id'),
    techSize: t.exposeString('tech_size', { nullable: true }),
    vendorCode: t.exposeString('vendor_code', { nullable: true }),
    title: t.exposeString('title', { nullable: true }),
    imageUrl: t.exposeString('image_url', { nullable: true }),
    available: t.exposeInt('available', { description: 'Available for sale, all warehouses together.' }),
    inWayToClient: t.exposeInt('in_way_to_client'),
    inWayFromClient: t.exposeInt('in_way_from_client'),
    ordersLast14Days: t.exposeInt('orders', {
      description: 'Orders of this size over the last 14 days, cancelled ones left out.',
    }),
    avgDailyOrders: t.exposeFloat('avg_daily_orders', { description: 'Orders a day over the last 14 days.' }),
    daysOfCover: t.exposeFloat('days_of_cover', {
      nullable: true,
      description: 'Days the stock lasts at the average daily orders of the last 14 days; null when nobody ordered it.',
    }),
    critical: t.exposeBoolean('critical', {
      description: 'At or below the cabinet’s criticalStockThreshold: the critical-stock notification’s rule.',
    }),
    warehouses: t.field({
      type: [StockWarehouse],
      description: 'Warehouses holding units of this size, fullest first.',
      resolve: (row) => row.warehouses,
    }),
  }),
});

const StockSizeFilter = builder.inputType('StockSizeFilter', {
  fields: (t) => ({
    critical: t.boolean({ description: 'Only sizes at (true) or above (false) the critical threshold.' }),
    nmId: t.int(),
  }),
});

const StockSizeSort = builder.enumType('StockSizeSort', {
  description: 'What stock sizes are sorted by; ties fall back to the scarcity order.',
  values: {
    SCARCITY: { value: 'scarcity', description: 'Critical first, then the soonest to run out.' },
    AVAILABLE: { value: 'available' },
    DAYS_OF_COVER: { value: 'daysOfCover', description: 'Sizes nobody orders count as lasting forever.' },
    ARTICLE: { value: 'article', description: 'The vendor code, then the nmId.' },
  } as const,
});

type Comparator = (a: StockSizeRow, b: StockSizeRow) => number;

const cover = (row: StockSizeRow) => row.days_of_cover ?? Number.POSITIVE_INFINITY;
const byCover: Comparator = (a, b) => (cover(a) === cover(b) ? 0 : cover(a) < cover(b) ? -1 : 1);

/** Critical first, then the soonest to run out; sizes nobody orders after those that sell. */
function scarcity(a: StockSizeRow, b: StockSizeRow): number {
  if (a.critical !== b.critical) return a.critical ? -1 : 1;
  return byCover(a, b) || a.available - b.available || a.nm_id - b.nm_id || a.size_key.localeCompare(b.size_key);
}

const COMPARATORS: Record<'scarcity' | 'available' | 'daysOfCover' | 'article', Comparator> = {
  scarcity,
  available: (a, b) => a.available - b.available,
  daysOfCover: byCover,
  article: (a, b) => (a.vendor_code ?? '').localeCompare(b.vendor_code ?? '', 'ru') || a.nm_id - b.nm_id,
};

/** The size as a search sees it: card title, vendor code, nmId. */
const matches = (row: StockSizeRow, text: string) =>
  [row.title, row.vendor_code, String(row.nm_id)].some((value) => value?.toLocaleLowerCase('ru').includes(text));

builder.prismaObjectField(Cabinet, 'stockSizes', (t) =>
  t.connection(
    {
      type: StockSize,
      description:
        'Stock per product size summed over warehouses, with days of cover (stock_days_of_cover, 14 days of orders); critical sizes first by default.',
      args: {
        filter: t.arg({ type: StockSizeFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'asc' }),
        sort: t.arg({ type: StockSizeSort, defaultValue: 'scarcity' }),
        search: t.arg.string({ description: 'Part of the vendor code or product name, any case, or an nmId.' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        // stock_days_of_cover sums every size of the cabinet in one pass: it is read whole and
        // judged here, so the critical rule stays isCriticalStock's alone.
        const rows = await ctx.prisma.$queryRaw<SizeRow[]>`
          WITH cover AS (
            SELECT * FROM stock_days_of_cover(${cabinet.id}::uuid, now())
          ),
          places AS (
            SELECT nm_id, size_key, max(vendor_code) AS vendor_code,
                   sum(in_way_to_client)::int AS in_way_to_client,
                   sum(in_way_from_client)::int AS in_way_from_client,
                   coalesce(jsonb_agg(jsonb_build_object('warehouseName', warehouse_name, 'regionName', region_name,
                                                         'quantity', quantity)
                                      ORDER BY quantity DESC, warehouse_name) FILTER (WHERE quantity > 0),
                            '[]'::jsonb) AS warehouses
            FROM wb_stocks
            WHERE cabinet_id = ${cabinet.id}::uuid
            GROUP BY nm_id, size_key
          )
          SELECT c.nm_id, c.size_key, c.tech_size, coalesce(w.vendor_code, p.vendor_code) AS vendor_code,
                 p.title, p.image_url, c.available, w.in_way_to_client, w.in_way_from_client, c.orders,
                 c.avg_daily_orders::float8 AS avg_daily_orders, c.days_of_cover::float8 AS days_of_cover,
                 w.warehouses
          FROM cover c
          JOIN places w ON w.nm_id = c.nm_id AND w.size_key = c.size_key
          LEFT JOIN wb_products p ON p.cabinet_id = ${cabinet.id}::uuid AND p.nm_id = c.nm_id`;
        const filter = args.filter;
        const text = searchText(args.search)?.toLocaleLowerCase('ru');
        const compare = COMPARATORS[args.sort ?? 'scarcity'];
        const sizes = rows
          .map((row) => ({
            ...row,
            critical: isCriticalStock({ available: row.available, threshold: cabinet.criticalStockThreshold }),
          }))
          .filter(
            (row) =>
              (filter?.critical == null || row.critical === filter.critical) &&
              (filter?.nmId == null || row.nm_id === filter.nmId) &&
              (!text || matches(row, text)),
          )
          .sort((a, b) => (args.direction === 'desc' ? -1 : 1) * (compare(a, b) || scarcity(a, b)));
        const connection = await resolveOffsetConnection({ args: pageArgs(args) }, ({ offset, limit }) =>
          sizes.slice(offset, offset + limit),
        );
        return withCount(connection, async () => sizes.length);
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
