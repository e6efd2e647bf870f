import {
  deleteAnswerTemplate,
  listAnswerTemplates,
  saveAnswerTemplate,
  type AnswerTemplateView,
} from '@wb-assist/core';
import { isUuid } from '../auth/cabinet-access.ts';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { ForbiddenError, OperationError } from './errors.ts';
import { storableText } from './storable-text.ts';

const AnswerTemplate = builder.objectRef<AnswerTemplateView>('AnswerTemplate').implement({
  description: 'A reply the members of a cabinet reuse; {имя} and {товар} are filled in per buyer and product.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    text: t.exposeString('text'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField(Cabinet, 'answerTemplates', (t) =>
  t.field({
    type: [AnswerTemplate],
    description: "The cabinet's reply templates, shared by its members.",
    resolve: (cabinet, _args, ctx) =>
      listAnswerTemplates({ db: ctx.prisma, cabinetId: cabinet.id, userId: viewerId(ctx) }),
  }),
);

const notFound = () => new OperationError('not_found', 'Шаблон не найден: возможно, его уже удалили.');

async function save(
  ctx: Parameters<typeof viewerId>[0],
  args: { cabinetId: string; id?: string; title: string; text: string },
): Promise<AnswerTemplateView> {
  if (args.id !== undefined && !isUuid(args.id)) throw notFound();
  const result = await saveAnswerTemplate({
    db: ctx.prisma,
    cabinetId: args.cabinetId,
    userId: viewerId(ctx),
    id: args.id,
    title: storableText(args.title, 'title'),
    text: storableText(args.text, 'text'),
  });
  if (!result.ok) throw new OperationError(result.error, result.message);
  return result.template;
}

builder.mutationField('createAnswerTemplate', (t) =>
  t.field({
    type: AnswerTemplate,
    errors: { types: [OperationError, ForbiddenError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      title: t.arg.string({ required: true }),
      text: t.arg.string({ required: true }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: (_root, args, ctx) => save(ctx, { cabinetId: String(args.cabinetId), title: args.title, text: args.text }),
  }),
);

builder.mutationField('updateAnswerTemplate', (t) =>
  t.field({
    type: AnswerTemplate,
    errors: { types: [OperationError, ForbiddenError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      id: t.arg.id({ required: true }),
      title: t.arg.string({ required: true }),
      text: t.arg.string({ required: true }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: (_root, args, ctx) =>
      save(ctx, { cabinetId: String(args.cabinetId), id: String(args.id), title: args.title, text: args.text }),
  }),
);

const DeleteAnswerTemplatePayload = builder
  .objectRef<{ id: string }>('DeleteAnswerTemplatePayload')
  .implement({ fields: (t) => ({ id: t.exposeID('id') }) });

builder.mutationField('deleteAnswerTemplate', (t) =>
  t.field({
    type: DeleteAnswerTemplatePayload,
    errors: { types: [OperationError, ForbiddenError] },
    args: { cabinetId: t.arg.id({ required: true }), id: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      // The template must belong to the cabinet the caller is a member of: an id alone proves nothing.
      if (!isUuid(id)) throw notFound();
      const deleted = await deleteAnswerTemplate({
        db: ctx.prisma,
        cabinetId: String(args.cabinetId),
        userId: viewerId(ctx),
        id,
      });
      if (!deleted) throw notFound();
      return { id };
    },
  }),
);
