import { queryFromInfo } from '@pothos/plugin-prisma';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { notificationCoverage } from '@wb-assist/core';
import type { Cabinet as PrismaCabinet } from '@wb-assist/db';
import { hasCategory, WB_CATEGORY_BITS, type WbCategory } from '@wb-assist/wb-api';
import { isUuid } from '../auth/cabinet-access.ts';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { NotificationTypeEnum } from './enums.ts';

export const CabinetStatusEnum = builder.enumType('CabinetStatus', {
  values: ['initial_sync', 'ready', 'key_invalid', 'paused'] as const,
});
export const CabinetRoleEnum = builder.enumType('CabinetRole', { values: ['owner', 'member'] as const });
const WbTokenTypeEnum = builder.enumType('WbTokenType', { values: ['base', 'test', 'personal', 'service'] as const });

interface TokenFacts {
  type: 'base' | 'test' | 'personal' | 'service';
  expiresAt: Date;
  readOnly: boolean;
  scopes: number;
}

const TokenFactsRef = builder.objectRef<TokenFacts>('TokenFacts').implement({
  description: 'What the stored WB key allows; never the key itself.',
  fields: (t) => ({
    type: t.field({ type: WbTokenTypeEnum, resolve: (token) => token.type }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    readOnly: t.exposeBoolean('readOnly'),
    categories: t.stringList({
      description: 'WB API categories the key opens (statistics, analytics, feedbacks, content, ...).',
      resolve: (token) => (Object.keys(WB_CATEGORY_BITS) as WbCategory[]).filter((c) => hasCategory(token.scopes, c)),
    }),
    notificationsAvailable: t.field({
      type: [NotificationTypeEnum],
      resolve: (token) => notificationCoverage(token.scopes).available,
    }),
    notificationsUnavailable: t.field({
      type: [NotificationTypeEnum],
      resolve: (token) => notificationCoverage(token.scopes).unavailable,
    }),
    warnings: t.stringList({
      description: 'Russian sentences: which notifications will not work or come late, and why.',
      resolve: (token) => notificationCoverage(token.scopes, token.type).warnings,
    }),
  }),
});

interface ProgressShape {
  stage?: string;
  percent?: number;
  counts?: Record<string, number>;
}

export const SyncProgressRef = builder.objectRef<{ cabinetId: string; stage: string; percent: number }>('SyncProgress');
SyncProgressRef.implement({
  description: 'Progress of the initial sync.',
  fields: (t) => ({
    cabinetId: t.exposeID('cabinetId'),
    stage: t.exposeString('stage', { description: 'orders, sales, stocks, reviews, products or done.' }),
    percent: t.exposeInt('percent'),
  }),
});

export const Cabinet = builder.prismaObject('Cabinet', {
  // Every field of a cabinet, reached from anywhere (viewer, invites, subscriptions), asks
  // for membership first; the answer is cached per request.
  authScopes: (cabinet) => ({ cabinetMember: cabinet.id }),
  fields: (t) => ({
    id: t.exposeID('id'),
    sellerId: t.exposeString('sellerId'),
    name: t.exposeString('name'),
    tradeMark: t.exposeString('tradeMark', { nullable: true }),
    status: t.expose('status', { type: CabinetStatusEnum }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    criticalStockThreshold: t.exposeInt('criticalStockThreshold'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    myRole: t.field({
      type: CabinetRoleEnum,
      description: "The viewer's role in this cabinet.",
      resolve: async (cabinet, _args, ctx) => (await ctx.access.roleIn(cabinet.id)) ?? 'member',
    }),
    token: t.field({
      type: TokenFactsRef,
      resolve: (cabinet) => ({
        type: cabinet.tokenType,
        expiresAt: cabinet.tokenExpiresAt,
        readOnly: cabinet.tokenReadOnly,
        scopes: cabinet.tokenScopes,
      }),
    }),
    lastSyncAt: t.expose('lastSyncAt', { type: 'DateTime', nullable: true }),
    nextSyncAt: t.expose('nextSyncAt', { type: 'DateTime', nullable: true }),
    initialSyncStartedAt: t.expose('initialSyncStartedAt', { type: 'DateTime', nullable: true }),
    initialSyncCompletedAt: t.expose('initialSyncCompletedAt', { type: 'DateTime', nullable: true }),
    syncProgress: t.field({
      type: SyncProgressRef,
      nullable: true,
      description: 'Stored progress of the initial sync; null before it started.',
      resolve: (cabinet) => {
        const progress = cabinet.syncProgress as ProgressShape | null;
        if (!progress || typeof progress.stage !== 'string') return null;
        return { cabinetId: cabinet.id, stage: progress.stage, percent: Math.round(progress.percent ?? 0) };
      },
    }),
    lastSync: t.prismaField({
      type: 'WbSyncLog',
      nullable: true,
      description: 'The latest sync (its status and per-source errors).',
      resolve: (query, cabinet, _args, ctx) =>
        ctx.prisma.wbSyncLog.findFirst({ ...query, where: { cabinetId: cabinet.id }, orderBy: { startedAt: 'desc' } }),
    }),
  }),
});

export const CabinetMembership = builder.prismaObject('CabinetUser', {
  name: 'CabinetMembership',
  fields: (t) => ({
    role: t.expose('role', { type: CabinetRoleEnum }),
    joinedAt: t.expose('createdAt', { type: 'DateTime' }),
    cabinet: t.relation('cabinet'),
  }),
});

/** Cabinet fields that read nothing of the cabinet row but its id: pages of its data. */
const ID_ONLY_FIELDS = new Set([
  '__typename',
  'id',
  'orders',
  'sales',
  'reviews',
  'questions',
  'answerTemplates',
  'stocks',
  'products',
  'syncLogs',
]);

/** Whether the query asks the cabinet only for fields in ID_ONLY_FIELDS (fragments: assume not). */
function needsOnlyId(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) => selection.kind === Kind.FIELD && ID_ONLY_FIELDS.has(selection.name.value),
    ),
  );
}

builder.queryField('cabinet', (t) =>
  // t.field rather than t.prismaField: prismaField works out the Prisma include for the whole
  // selection before the resolver runs, and an integrator paging through orders needs none of it.
  t.field({
    type: Cabinet,
    nullable: true,
    description: 'A cabinet the viewer belongs to; null for any other id.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    unauthorizedResolver: () => null,
    resolve: async (_root, args, ctx, info) => {
      const id = String(args.id);
      if (!isUuid(id)) return null;
      // An integrator paging through orders asks for nothing of the cabinet row: its
      // membership (cached) is the whole check, and the row is not read at all.
      if (needsOnlyId(info)) return (await ctx.access.isMember(id)) ? ({ id } as PrismaCabinet) : null;
      return ctx.prisma.cabinet.findFirst({
        ...queryFromInfo({ context: ctx, info }),
        where: { id, members: { some: { userId: viewerId(ctx) } } },
      });
    },
  }),
);
