import type { Prisma, WbQuestion } from '@wb-assist/db';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { offsetArgument, sortedConnection } from './table-query.ts';

export const Question = builder.prismaObject('WbQuestion', {
  name: 'Question',
  fields: (t) => ({
    id: t.id({ resolve: (question) => question.id.toString() }),
    questionId: t.exposeString('questionId'),
    nmId: t.exposeInt('nmId'),
    productName: t.exposeString('productName', { nullable: true }),
    supplierArticle: t.exposeString('supplierArticle', { nullable: true }),
    brandName: t.exposeString('brandName', { nullable: true }),
    text: t.exposeString('text'),
    createdDate: t.expose('createdDate', { type: 'DateTime' }),
    isAnswered: t.exposeBoolean('isAnswered'),
    answerText: t.exposeString('answerText', { nullable: true }),
  }),
});

const QuestionFilter = builder.inputType('QuestionFilter', {
  fields: (t) => ({
    answered: t.boolean({ description: 'false: only the questions still waiting for an answer.' }),
    nmId: t.int(),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});

builder.prismaObjectField(Cabinet, 'questions', (t) =>
  t.connection(
    {
      type: Question,
      description: 'Buyer questions, newest first by default; keyset-paginated on (createdDate, id).',
      args: {
        filter: t.arg({ type: QuestionFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        const f = args.filter;
        const where: Prisma.WbQuestionWhereInput = {
          cabinetId: cabinet.id,
          isAnswered: f?.answered ?? undefined,
          nmId: f?.nmId ?? undefined,
          createdDate: { gte: f?.from ?? undefined, lt: f?.to ?? undefined },
        };
        const connection = await sortedConnection<WbQuestion>({
          args,
          descending: args.direction !== 'asc',
          column: 'createdDate',
          keyset: { field: 'createdDate', fieldType: 'date', value: (question) => question.createdDate },
          load: (page) =>
            ctx.prisma.wbQuestion.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbQuestionOrderByWithRelationInput[],
              skip: page.skip,
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbQuestion.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
