import type { Prisma, WbOrder } from '@wb-assist/db';
import { builder } from './builder.ts';
import { storableText } from './storable-text.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { articleSearch, offsetArgument, sortedConnection } from './table-query.ts';

export const Order = builder.prismaObject('WbOrder', {
  name: 'Order',
  fields: (t) => ({
    id: t.id({ resolve: (order) => order.id.toString() }),
    srid: t.exposeString('srid'),
    orderDate: t.expose('orderDate', { type: 'DateTime' }),
    lastChangeDate: t.expose('lastChangeDate', { type: 'DateTime' }),
    nmId: t.exposeInt('nmId'),
    supplierArticle: t.exposeString('supplierArticle'),
    barcode: t.exposeString('barcode'),
    techSize: t.exposeString('techSize'),
    brand: t.exposeString('brand', { nullable: true }),
    subject: t.exposeString('subject', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    warehouseName: t.exposeString('warehouseName'),
    regionName: t.exposeString('regionName', { nullable: true }),
    totalPrice: t.expose('totalPrice', { type: 'Decimal' }),
    discountPercent: t.exposeInt('discountPercent'),
    priceWithDisc: t.expose('priceWithDisc', { type: 'Decimal' }),
    finishedPrice: t.expose('finishedPrice', { type: 'Decimal' }),
    isCancel: t.exposeBoolean('isCancel'),
    cancelDate: t.expose('cancelDate', { type: 'DateTime', nullable: true }),
  }),
});

/** The columns the Order type shows: a page of 50 reads these, not all thirty. */
export const ORDER_COLUMNS = {
  id: true,
  // The product card is looked up by (cabinetId, nmId).
  cabinetId: true,
  srid: true,
  orderDate: true,
  lastChangeDate: true,
  nmId: true,
  supplierArticle: true,
  barcode: true,
  techSize: true,
  brand: true,
  subject: true,
  category: true,
  warehouseName: true,
  regionName: true,
  totalPrice: true,
  discountPercent: true,
  priceWithDisc: true,
  finishedPrice: true,
  isCancel: true,
  cancelDate: true,
} satisfies Prisma.WbOrderSelect;

const OrderSort = builder.enumType('OrderSort', {
  description: 'What orders are sorted by (`id` breaks ties).',
  values: {
    DATE: { value: 'orderDate' },
    ARTICLE: { value: 'supplierArticle' },
    AMOUNT: { value: 'priceWithDisc', description: 'The seller’s price of the unit.' },
  } as const,
});

const OrderFilter = builder.inputType('OrderFilter', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Ordered at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Ordered before.' }),
    nmId: t.int(),
    cancelled: t.boolean(),
    supplierArticle: t.string(),
    warehouseName: t.string(),
  }),
});

builder.prismaObjectField(Cabinet, 'orders', (t) =>
  t.connection(
    {
      type: Order,
      description:
        'Orders, newest first by default; keyset-paginated on (orderDate, id) when sorted by date without an offset.',
      args: {
        filter: t.arg({ type: OrderFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        sort: t.arg({ type: OrderSort, defaultValue: 'orderDate' }),
        search: t.arg.string({ description: 'Part of the article or product name, any case, or an nmId.' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const sort = args.sort ?? 'orderDate';
        const search = await articleSearch(ctx.prisma, cabinet.id, args.search);
        const where: Prisma.WbOrderWhereInput = {
          cabinetId: cabinet.id,
          ...(search && { AND: [search] }),
          orderDate: { gte: f?.from ?? undefined, lt: f?.to ?? undefined },
          nmId: f?.nmId ?? undefined,
          isCancel: f?.cancelled ?? undefined,
          supplierArticle: storableText(f?.supplierArticle, 'supplierArticle') ?? undefined,
          warehouseName: storableText(f?.warehouseName, 'warehouseName') ?? undefined,
        };
        const connection = await sortedConnection<WbOrder>({
          args,
          descending: args.direction !== 'asc',
          column: sort,
          keyset:
            sort === 'orderDate' ? { field: 'orderDate', fieldType: 'date', value: (order) => order.orderDate } : null,
          load: (page) =>
            ctx.prisma.wbOrder.findMany({
              select: ORDER_COLUMNS,
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbOrderOrderByWithRelationInput[],
              skip: page.skip,
              take: page.take,
            }) as Promise<WbOrder[]>,
        });
        return withCount(connection, () => ctx.prisma.wbOrder.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
