import {
  ANSWER_FAILURE_MESSAGES,
  answerWriteAccess,
  sendBuyerAnswer,
  type AnswerFailureCode,
  type BuyerAnswerView,
  type BuyerTextKind,
} from '@wb-assist/core';
import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH } from '@wb-assist/domain';
import { viewerId, type GraphQLContext } from '../context.ts';
import { loadBuyerAnswer } from './buyer-answer-loader.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { ErrorInterface, ForbiddenError, OperationError } from './errors.ts';
import { Question } from './questions.ts';
import { Review } from './reviews.ts';
import { storableText } from './storable-text.ts';

export const BuyerTextKindEnum = builder.enumType('BuyerTextKind', { values: ['review', 'question'] as const });
const AnswerStatusEnum = builder.enumType('BuyerAnswerStatus', {
  description: 'sending: handed to WB, its reply not yet known; failed: WB refused it (the text can be sent again).',
  values: ['sending', 'sent', 'failed'] as const,
});
const AnswerSourceEnum = builder.enumType('AnswerSource', {
  values: {
    telegram: {},
    web: {},
    api: {},
    wb: { description: "Answered in WB's own cabinet, found there by WB Assist." },
  } as const,
});
const AnswerOutcomeEnum = builder.enumType('AnswerOutcome', {
  values: {
    sent: { description: 'This call posted the answer to WB.' },
    already_answered: { description: 'An earlier press or another member answered; nothing was posted.' },
    in_flight: { description: 'Another send of the same answer is running right now.' },
    in_doubt: { description: 'WB did not reply in time; the next attempt checks WB before posting again.' },
  } as const,
});
export const AnswerFailureCodeEnum = builder.enumType('AnswerFailureCode', {
  values: [
    'read_only_key',
    'scope_missing',
    'key_revoked',
    'too_short',
    'too_long',
    'not_found',
    'edit_not_allowed',
    'wb_unavailable',
  ] as const satisfies readonly AnswerFailureCode[],
});

export const BuyerAnswer = builder.objectRef<BuyerAnswerView>('BuyerAnswer').implement({
  description: 'An answer sent (or being sent) through WB Assist, by any member and from any surface.',
  fields: (t) => ({
    kind: t.field({ type: BuyerTextKindEnum, resolve: (answer) => answer.kind }),
    targetId: t.exposeString('targetId', { description: 'WB id of the review or question.' }),
    revision: t.exposeInt('revision', { description: '0 for the first answer, 1 for its one edit.' }),
    text: t.exposeString('text'),
    status: t.field({ type: AnswerStatusEnum, resolve: (answer) => answer.status }),
    authorName: t.string({
      nullable: true,
      description: 'The member who sent it; null once they left WB Assist.',
      resolve: (answer) => answer.author?.displayName ?? null,
    }),
    isViewer: t.boolean({
      description: 'True when the signed-in user sent it.',
      resolve: (answer, _args, ctx) => answer.author !== null && answer.author.userId === ctx.viewer?.userId,
    }),
    source: t.field({ type: AnswerSourceEnum, resolve: (answer) => answer.source }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObjectField(Review, 'answer', (t) =>
  t.field({
    type: BuyerAnswer,
    nullable: true,
    description: 'The latest answer sent through WB Assist; null when none was (see answerText for one made on WB).',
    resolve: (review, _args, ctx) => loadBuyerAnswer(ctx, review.cabinetId, 'review', review.reviewId),
  }),
);

builder.prismaObjectField(Question, 'answer', (t) =>
  t.field({
    type: BuyerAnswer,
    nullable: true,
    description: 'The latest answer sent through WB Assist; null when none was (see answerText for one made on WB).',
    resolve: (question, _args, ctx) => loadBuyerAnswer(ctx, question.cabinetId, 'question', question.questionId),
  }),
);

interface AnswerAccessView {
  canWrite: boolean;
  code: 'read_only_key' | 'scope_missing' | 'key_revoked' | null;
  message: string | null;
}

const AnswerAccess = builder.objectRef<AnswerAccessView>('AnswerAccess').implement({
  description: "Whether the cabinet's WB key may post answers; if not, what to change in the WB cabinet.",
  fields: (t) => ({
    canWrite: t.exposeBoolean('canWrite'),
    code: t.field({ type: AnswerFailureCodeEnum, nullable: true, resolve: (access) => access.code }),
    message: t.exposeString('message', { nullable: true, description: 'Russian, to show as is.' }),
    minLength: t.int({ resolve: () => ANSWER_MIN_LENGTH }),
    maxLength: t.int({ resolve: () => ANSWER_MAX_LENGTH }),
  }),
});

builder.prismaObjectField(Cabinet, 'answerAccess', (t) =>
  t.field({
    type: AnswerAccess,
    resolve: (cabinet): AnswerAccessView => {
      // A key WB already refused (the sync marked it) would fail every send the same way: say
      // so before the seller types an answer.
      if (cabinet.status === 'key_invalid')
        return { canWrite: false, code: 'key_revoked', message: ANSWER_FAILURE_MESSAGES.key_revoked };
      const access = answerWriteAccess(cabinet);
      return access.ok
        ? { canWrite: true, code: null, message: null }
        : { canWrite: false, code: access.code, message: access.message };
    },
  }),
);

/** A send WB or our checks refused; the text comes back so nothing typed is lost. */
export class AnswerRefused extends OperationError {
  readonly draftText: string;

  constructor(code: AnswerFailureCode, message: string, draftText: string) {
    super(code, message);
    this.draftText = draftText;
  }
}

builder.objectType(AnswerRefused, {
  name: 'AnswerRefused',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AnswerRefused,
  fields: (t) => ({
    code: t.field({ type: AnswerFailureCodeEnum, resolve: (error) => error.code as AnswerFailureCode }),
    draftText: t.exposeString('draftText', { description: 'The text as sent, to keep in the answer box.' }),
  }),
});

interface Answered {
  outcome: 'sent' | 'already_answered' | 'in_flight' | 'in_doubt';
  answer: BuyerAnswerView;
  cabinetId: string;
}

const AnswerPayload = builder.objectRef<Answered>('AnswerPayload').implement({
  fields: (t) => ({
    outcome: t.field({ type: AnswerOutcomeEnum, resolve: (result) => result.outcome }),
    answer: t.field({ type: BuyerAnswer, resolve: (result) => result.answer }),
    review: t.prismaField({
      type: 'WbReview',
      nullable: true,
      description: 'The review as it stands now (answerReview only).',
      resolve: (query, result, _args, ctx) =>
        result.answer.kind !== 'review'
          ? null
          : ctx.prisma.wbReview.findUnique({
              ...query,
              where: { cabinetId_reviewId: { cabinetId: result.cabinetId, reviewId: result.answer.targetId } },
            }),
    }),
    question: t.prismaField({
      type: 'WbQuestion',
      nullable: true,
      description: 'The question as it stands now (answerQuestion only).',
      resolve: (query, result, _args, ctx) =>
        result.answer.kind !== 'question'
          ? null
          : ctx.prisma.wbQuestion.findUnique({
              ...query,
              where: { cabinetId_questionId: { cabinetId: result.cabinetId, questionId: result.answer.targetId } },
            }),
    }),
  }),
});

async function answer(
  ctx: GraphQLContext,
  args: { cabinetId: string; kind: BuyerTextKind; targetId: string; text: string; edit: boolean },
): Promise<Answered> {
  const result = await sendBuyerAnswer({
    db: ctx.prisma,
    wb: { ...ctx.config.wb, encryptionKey: ctx.config.encryptionKey },
    cabinetId: args.cabinetId,
    userId: viewerId(ctx),
    kind: args.kind,
    targetId: args.targetId,
    text: storableText(args.text, 'text'),
    source: ctx.viewer?.kind === 'api_token' ? 'api' : 'web',
    edit: args.edit,
  });
  if (result.outcome === 'failed') throw new AnswerRefused(result.code, result.message, result.draftText);
  return { outcome: result.outcome, answer: result.answer, cabinetId: args.cabinetId };
}

builder.mutationField('answerReview', (t) =>
  t.field({
    type: AnswerPayload,
    description:
      'Posts an answer to a review on WB once, however often it is called (a second call reports already_answered).',
    errors: { types: [AnswerRefused, ForbiddenError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      reviewId: t.arg.string({ required: true, description: 'Review.reviewId (the WB id).' }),
      text: t.arg.string({ required: true }),
      edit: t.arg.boolean({ defaultValue: false, description: 'Replace the answer already given (WB allows once).' }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: (_root, args, ctx) =>
      answer(ctx, {
        cabinetId: String(args.cabinetId),
        kind: 'review',
        targetId: args.reviewId,
        text: args.text,
        edit: args.edit ?? false,
      }),
  }),
);

builder.mutationField('answerQuestion', (t) =>
  t.field({
    type: AnswerPayload,
    description: 'Posts an answer to a buyer question on WB once, however often it is called.',
    errors: { types: [AnswerRefused, ForbiddenError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      questionId: t.arg.string({ required: true, description: 'Question.questionId (the WB id).' }),
      text: t.arg.string({ required: true }),
      edit: t.arg.boolean({ defaultValue: false, description: 'Replace the answer already given.' }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: (_root, args, ctx) =>
      answer(ctx, {
        cabinetId: String(args.cabinetId),
        kind: 'question',
        targetId: args.questionId,
        text: args.text,
        edit: args.edit ?? false,
      }),
  }),
);
