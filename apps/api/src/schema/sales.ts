import type { Prisma, WbSale } from '@wb-assist/db';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { articleSearch, offsetArgument, sortedConnection } from './table-query.ts';

const SaleTypeEnum = builder.enumType('SaleType', { values: ['buyout', 'return'] as const });

export const Sale = builder.prismaObject('WbSale', {
  name: 'Sale',
  description: 'A buyout or a return (returns carry negative money).',
  fields: (t) => ({
    id: t.id({ resolve: (sale) => sale.id.toString() }),
    saleId: t.exposeString('saleId'),
    type: t.expose('type', { type: SaleTypeEnum }),
    srid: t.exposeString('srid'),
    saleDate: t.expose('saleDate', { type: 'DateTime' }),
    lastChangeDate: t.expose('lastChangeDate', { type: 'DateTime' }),
    nmId: t.exposeInt('nmId'),
    supplierArticle: t.exposeString('supplierArticle'),
    barcode: t.exposeString('barcode'),
    techSize: t.exposeString('techSize'),
    brand: t.exposeString('brand', { nullable: true }),
    subject: t.exposeString('subject', { nullable: true }),
    warehouseName: t.exposeString('warehouseName'),
    regionName: t.exposeString('regionName', { nullable: true }),
    totalPrice: t.expose('totalPrice', { type: 'Decimal' }),
    priceWithDisc: t.expose('priceWithDisc', { type: 'Decimal' }),
    finishedPrice: t.expose('finishedPrice', { type: 'Decimal' }),
    forPay: t.expose('forPay', { type: 'Decimal' }),
  }),
});

const SaleSort = builder.enumType('SaleSort', {
  description: 'What buyouts and returns are sorted by (`id` breaks ties).',
  values: {
    DATE: { value: 'saleDate' },
    ARTICLE: { value: 'supplierArticle' },
    AMOUNT: { value: 'priceWithDisc', description: 'The seller’s price of the unit.' },
    FOR_PAY: { value: 'forPay', description: 'What WB transfers to the seller.' },
  } as const,
});

const SaleFilter = builder.inputType('SaleFilter', {
  fields: (t) => ({
    type: t.field({ type: SaleTypeEnum }),
    from: t.field({ type: 'DateTime', description: 'At or after.' }),
    to: t.field({ type: 'DateTime', description: 'Before.' }),
    nmId: t.int(),
  }),
});

builder.prismaObjectField(Cabinet, 'sales', (t) =>
  t.connection(
    {
      type: Sale,
      description:
        'Buyouts and returns, newest first by default; keyset-paginated on (saleDate, id) when sorted by date without an offset.',
      args: {
        filter: t.arg({ type: SaleFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        sort: t.arg({ type: SaleSort, defaultValue: 'saleDate' }),
        search: t.arg.string({ description: 'Part of the article or product name, any case, or an nmId.' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const sort = args.sort ?? 'saleDate';
        const search = await articleSearch(ctx.prisma, cabinet.id, args.search);
        const where: Prisma.WbSaleWhereInput = {
          cabinetId: cabinet.id,
          ...(search && { AND: [search] }),
          type: f?.type ?? undefined,
          saleDate: { gte: f?.from ?? undefined, lt: f?.to ?? undefined },
          nmId: f?.nmId ?? undefined,
        };
        const connection = await sortedConnection<WbSale>({
          args,
          descending: args.direction !== 'asc',
          column: sort,
          keyset: sort === 'saleDate' ? { field: 'saleDate', fieldType: 'date', value: (sale) => sale.saleDate } : null,
          load: (page) =>
            ctx.prisma.wbSale.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbSaleOrderByWithRelationInput[],
              skip: page.skip,
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbSale.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
