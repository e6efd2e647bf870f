import type { Prisma, WbReview } from '@wb-assist/db';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { offsetArgument, searchedNmIds, searchText, sortedConnection } from './table-query.ts';

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

const ReviewSort = builder.enumType('ReviewSort', {
  description: 'What reviews are sorted by (`id` breaks ties).',
  values: { DATE: { value: 'createdDate' }, RATING: { value: 'rating' }, ARTICLE: { value: 'nmId' } } as const,
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
      description:
        'Reviews, newest first by default; keyset-paginated on (createdDate, id) when sorted by date without an offset.',
      args: {
        filter: t.arg({ type: ReviewFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        sort: t.arg({ type: ReviewSort, defaultValue: 'createdDate' }),
        search: t.arg.string({ description: 'Part of the article or product name, any case, or an nmId.' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const sort = args.sort ?? 'createdDate';
        const text = searchText(args.search);
        const nmIds = text ? await searchedNmIds(ctx.prisma, cabinet.id, text) : [];
        const where: Prisma.WbReviewWhereInput = {
          cabinetId: cabinet.id,
          ...(text && {
            OR: [
              { productName: { contains: text, mode: 'insensitive' } },
              { supplierArticle: { contains: text, mode: 'insensitive' } },
              { nmId: { in: nmIds } },
            ],
          }),
          rating: { gte: f?.minRating ?? undefined, lte: f?.maxRating ?? undefined },
          isAnswered: f?.answered ?? undefined,
          nmId: f?.nmId ?? undefined,
          createdDate: { gte: f?.from ?? undefined, lt: f?.to ?? undefined },
        };
        const connection = await sortedConnection<WbReview>({
          args,
          descending: args.direction !== 'asc',
          column: sort,
          keyset:
            sort === 'createdDate'
              ? { field: 'createdDate', fieldType: 'date', value: (review) => review.createdDate }
              : null,
          load: (page) =>
            ctx.prisma.wbReview.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbReviewOrderByWithRelationInput[],
              skip: page.skip,
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbReview.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
