import type { Prisma, WbProduct } from '@wb-assist/db';
import { builder } from './builder.ts';
import { storableText } from './storable-text.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { keysetConnection } from './pagination.ts';

export const Product = builder.prismaObject('WbProduct', {
  name: 'Product',
  fields: (t) => ({
    id: t.id({ resolve: (product) => product.id.toString() }),
    nmId: t.exposeInt('nmId'),
    vendorCode: t.exposeString('vendorCode'),
    brand: t.exposeString('brand', { nullable: true }),
    title: t.exposeString('title'),
    subjectName: t.exposeString('subjectName', { nullable: true }),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
    photos: t.expose('photos', { type: 'JSON' }),
    sizes: t.expose('sizes', { type: 'JSON' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ProductFilter = builder.inputType('ProductFilter', {
  fields: (t) => ({
    nmId: t.int(),
    vendorCode: t.string(),
    search: t.string({ description: 'Part of the title or vendor code, any case.' }),
  }),
});

builder.prismaObjectField(Cabinet, 'products', (t) =>
  t.connection(
    {
      type: Product,
      description: 'Product cards by nmId; keyset-paginated on (nmId, id).',
      args: {
        filter: t.arg({ type: ProductFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'asc' }),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const search = storableText(f?.search, 'search')?.trim();
        const where: Prisma.WbProductWhereInput = {
          cabinetId: cabinet.id,
          nmId: f?.nmId ?? undefined,
          vendorCode: storableText(f?.vendorCode, 'vendorCode') ?? undefined,
          ...(search
            ? {
                OR: [
                  { title: { contains: search, mode: 'insensitive' } },
                  { vendorCode: { contains: search, mode: 'insensitive' } },
                ],
              }
            : {}),
        };
        const connection = await keysetConnection<WbProduct>({
          args,
          field: 'nmId',
          fieldType: 'int',
          descending: args.direction === 'desc',
          value: (product) => product.nmId,
          load: (page) =>
            ctx.prisma.wbProduct.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbProductOrderByWithRelationInput[],
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbProduct.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
