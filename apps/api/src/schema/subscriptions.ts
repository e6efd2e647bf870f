import { filter, map, pipe, Repeater } from '@graphql-yoga/subscription';
import { getBuyerAnswers, getMembership, type BuyerAnswerView, type BuyerTextKind } from '@wb-assist/core';
import type { Cabinet as CabinetRow, NotificationHistory } from '@wb-assist/db';
import { viewerId, type GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet, SyncProgressRef } from './cabinet.ts';
import { BuyerAnswer, BuyerTextKindEnum } from './buyer-answers.ts';
import { Notification } from './notification-history.ts';

const present = <T>(value: T | null): value is T => value !== null;

/** Loads a row per event; events whose row is gone or not the caller's are dropped. */
function loadEach<E, R>(source: AsyncIterable<E>, load: (event: E) => Promise<R | null>): AsyncIterable<R> {
  return pipe(source, map(load), filter(present));
}

builder.subscriptionField('notificationReceived', (t) =>
  t.field({
    type: Notification,
    description: 'Each notification stored for the viewer, in any of their cabinets.',
    authScopes: { signedIn: true },
    subscribe: (_root, _args, ctx) => {
      const userId = viewerId(ctx);
      // The row is read with the viewer's id, so another user's event never yields data.
      return loadEach(ctx.pubsub.subscribe('notification', userId), (event) =>
        event.userId !== userId || !/^\d+$/.test(event.id)
          ? Promise.resolve(null)
          : ctx.prisma.notificationHistory.findFirst({
              where: { id: BigInt(event.id), userId },
              include: { outboxEvent: { select: { payload: true } } },
            }),
      );
    },
    resolve: (row: NotificationHistory) => row,
  }),
);

interface ProgressEvent {
  cabinetId: string;
  stage: string;
  percent: number;
}

builder.subscriptionField('syncProgress', (t) =>
  t.field({
    type: SyncProgressRef,
    description: 'Progress of the initial sync of one cabinet: the stored state first, then each step.',
    args: { cabinetId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    subscribe: (_root, args, ctx) => {
      const cabinetId = String(args.cabinetId);
      const live = pipe(
        ctx.pubsub.subscribe('syncProgress', cabinetId),
        filter((event: ProgressEvent) => event.cabinetId === cabinetId),
      );
      return Repeater.merge([currentProgress(ctx, cabinetId), live]);
    },
    resolve: (event: ProgressEvent) => ({
      cabinetId: event.cabinetId,
      stage: event.stage,
      percent: Math.round(event.percent),
    }),
  }),
);

async function* currentProgress(ctx: GraphQLContext, cabinetId: string): AsyncGenerator<ProgressEvent> {
  const cabinet = await ctx.prisma.cabinet.findUnique({ where: { id: cabinetId }, select: { syncProgress: true } });
  const stored = cabinet?.syncProgress as { stage?: unknown; percent?: unknown } | null | undefined;
  if (stored && typeof stored.stage === 'string') {
    yield { cabinetId, stage: stored.stage, percent: Number(stored.percent ?? 0) };
  }
}

const CabinetUpdate = builder.objectRef<{ event: string; cabinet: CabinetRow }>('CabinetUpdate').implement({
  fields: (t) => ({
    event: t.exposeString('event', { description: 'initial_sync_completed or key_invalid.' }),
    cabinet: t.field({ type: Cabinet, resolve: (update) => update.cabinet }),
  }),
});

builder.subscriptionField('cabinetUpdated', (t) =>
  t.field({
    type: CabinetUpdate,
    description: "Status changes of the viewer's cabinets (initial sync finished, key refused).",
    authScopes: { signedIn: true },
    subscribe: (_root, _args, ctx) => {
      const userId = viewerId(ctx);
      // Membership is asked per event, not cached: the viewer may join or leave meanwhile.
      return loadEach(ctx.pubsub.subscribe('cabinetEvent'), async (event) => {
        if (!(await getMembership(ctx.prisma, { userId, cabinetId: event.cabinetId }))) return null;
        const cabinet = await ctx.prisma.cabinet.findUnique({ where: { id: event.cabinetId } });
        return cabinet ? { event: event.event, cabinet } : null;
      });
    },
    resolve: (update: { event: string; cabinet: CabinetRow }) => update,
  }),
);

interface BuyerAnswerChange {
  cabinetId: string;
  kind: BuyerTextKind;
  targetId: string;
  answer: BuyerAnswerView | null;
}

const BuyerAnswerChangeRef = builder.objectRef<BuyerAnswerChange>('BuyerAnswerChange').implement({
  description: 'An answer to a review or question of the cabinet was sent or changed state, by anyone.',
  fields: (t) => ({
    cabinetId: t.exposeID('cabinetId'),
    kind: t.field({ type: BuyerTextKindEnum, resolve: (change) => change.kind }),
    targetId: t.exposeString('targetId', { description: 'WB id of the review or question.' }),
    answer: t.field({ type: BuyerAnswer, nullable: true, resolve: (change) => change.answer }),
    review: t.prismaField({
      type: 'WbReview',
      nullable: true,
      resolve: (query, change, _args, ctx) =>
        change.kind !== 'review'
          ? null
          : ctx.prisma.wbReview.findUnique({
              ...query,
              where: { cabinetId_reviewId: { cabinetId: change.cabinetId, reviewId: change.targetId } },
            }),
    }),
    question: t.prismaField({
      type: 'WbQuestion',
      nullable: true,
      resolve: (query, change, _args, ctx) =>
        change.kind !== 'question'
          ? null
          : ctx.prisma.wbQuestion.findUnique({
              ...query,
              where: { cabinetId_questionId: { cabinetId: change.cabinetId, questionId: change.targetId } },
            }),
    }),
  }),
});

builder.subscriptionField('buyerAnswerChanged', (t) =>
  t.field({
    type: BuyerAnswerChangeRef,
    description: 'Answers to buyers in one cabinet as they are sent, from Telegram, the dashboard or the API.',
    args: { cabinetId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    subscribe: (_root, args, ctx) => {
      const cabinetId = String(args.cabinetId);
      const userId = viewerId(ctx);
      // Membership is asked per event: a member who leaves stops hearing the cabinet's answers.
      return loadEach(ctx.pubsub.subscribe('buyerAnswerChanged', cabinetId), async (event) => {
        if (event.cabinetId !== cabinetId) return null;
        if (!(await getMembership(ctx.prisma, { userId, cabinetId }))) return null;
        const answers = await getBuyerAnswers({
          db: ctx.prisma,
          cabinetId,
          kind: event.kind,
          targetIds: [event.targetId],
        });
        return { ...event, answer: answers.get(event.targetId) ?? null };
      });
    },
    resolve: (change: BuyerAnswerChange) => change,
  }),
);
