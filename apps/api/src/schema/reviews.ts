import type { Prisma, WbReview } from '@wb-assist/db';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { keysetConnection } from './pagination.ts';

export const Review = builder.prismaObject('WbReview', {
  name: 'Review',
  fields: (t) => ({
    id: t.id({ resolve: (review) => review.id.toString() }),
    reviewId: t.exposeString('reviewId'),
    nmId: t.exposeInt('nmId'),
    productName: t.exposeString('productName', { nullable: true }),
    supplierArticle: t.exposeString('supplierArticle', { nullable: true }),
    rating: t.exposeInt('rating'),
    text: t.exposeString('text'),
    pros: t.exposeString('pros'),
    cons: t.exposeString('cons'),
    userName: t.exposeString('userName', { nullable: true }),
    createdDate: t.expose('createdDate', { type: 'DateTime' }),
    isAnswered: t.exposeBoolean('isAnswered'),
    answerText: t.exposeString('answerText', { nullable: true }),
  }),
});

const ReviewFilter = builder.inputType('ReviewFilter', {
  fields: (t) => ({
    maxRating: t.int({ description: 'At most this many stars (3 shows the negative ones).' }),
    minRating: t.int(),
    answered: t.boolean(),
    nmId: t.int(),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});

builder.prismaObjectField(Cabinet, 'reviews', (t) =>
  t.connection(
    {
      type: Review,
      description: 'Reviews, newest first by default; keyset-paginated on (createdDate, id).',
      args: {
        filter: t.arg({ type: ReviewFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const where: Prisma.WbReviewWhereInput = {
          cabinetId: cabinet.id,
          rating: { gte: f?.minRating ?? undefined, lte: f?.maxRating ?? undefined },
          isAnswered: f?.answered ?? undefined,
          nmId: f?.nmId ?? undefined,
          createdDate: { gte: f?.from ?? undefined, lt: f?.to ?? undefined },
        };
        const connection = await keysetConnection<WbReview>({
          args,
          field: 'createdDate',
          fieldType: 'date',
          descending: args.direction !== 'asc',
          value: (review) => review.createdDate,
          load: (page) =>
            ctx.prisma.wbReview.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbReviewOrderByWithRelationInput[],
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbReview.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
