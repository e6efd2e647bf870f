import type { Prisma, WbStock } from '@wb-assist/db';
import { builder } from './builder.ts';
import { storableText } from './storable-text.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { keysetConnection } from './pagination.ts';

export const Stock = builder.prismaObject('WbStock', {
  name: 'Stock',
  description: 'Stock of one product size in one warehouse.',
  fields: (t) => ({
    id: t.id({ resolve: (stock) => stock.id.toString() }),
    nmId: t.exposeInt('nmId'),
    techSize: t.exposeString('techSize', { nullable: true }),
    barcode: t.exposeString('barcode', { nullable: true }),
    vendorCode: t.exposeString('vendorCode', { nullable: true }),
    warehouseName: t.exposeString('warehouseName'),
    regionName: t.exposeString('regionName', { nullable: true }),
    quantity: t.exposeInt('quantity', { description: 'Available for sale in this warehouse.' }),
    inWayToClient: t.exposeInt('inWayToClient'),
    inWayFromClient: t.exposeInt('inWayFromClient'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const StockFilter = builder.inputType('StockFilter', {
  fields: (t) => ({
    nmId: t.int(),
    maxQuantity: t.int({
      description:
        'At most this many available in the one warehouse; the critical rule sums warehouses: see stockSizes.',
    }),
    warehouseName: t.string(),
  }),
});

builder.prismaObjectField(Cabinet, 'stocks', (t) =>
  t.connection(
    {
      type: Stock,
      description: 'Stocks, scarcest first by default; keyset-paginated on (quantity, id).',
      args: {
        filter: t.arg({ type: StockFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'asc' }),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const where: Prisma.WbStockWhereInput = {
          cabinetId: cabinet.id,
          nmId: f?.nmId ?? undefined,
          quantity: { lte: f?.maxQuantity ?? undefined },
          warehouseName: storableText(f?.warehouseName, 'warehouseName') ?? undefined,
        };
        const connection = await keysetConnection<WbStock>({
          args,
          field: 'quantity',
          fieldType: 'int',
          descending: args.direction === 'desc',
          value: (stock) => stock.quantity,
          load: (page) =>
            ctx.prisma.wbStock.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbStockOrderByWithRelationInput[],
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbStock.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
