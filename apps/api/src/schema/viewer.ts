import { formatSummaryTime, InvalidSettingError, listApiTokens, updateTimeSettings } from '@wb-assist/core';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { totalCountField } from './connection-count.ts';
import { NotificationFilter, Notification, notificationConnection } from './notification-history.ts';
import { SortDirection } from './enums.ts';
import { OperationError } from './errors.ts';

export const ApiTokenRef = builder.objectRef<{
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}>('ApiToken');
ApiTokenRef.implement({
  description: 'An integrator token; the secret itself is shown once, at creation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters, to tell tokens apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
  }),
});

export const User = builder.prismaObject('User', {
  fields: (t) => ({
    id: t.exposeID('id'),
    telegramId: t.string({ resolve: (user) => user.telegramId.toString() }),
    username: t.exposeString('username', { nullable: true }),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    timeZone: t.exposeString('timeZone', { description: 'IANA zone used for days and times.' }),
    morningSummaryTime: t.string({
      nullable: true,
      description: 'When the morning summary arrives ("09:00", in timeZone); only for the signed-in user themself.',
      resolve: (user, _args, ctx) =>
        ctx.viewer?.userId === user.id ? formatSummaryTime(user.morningSummaryMinute) : null,
    }),
    cabinets: t.relation('cabinets', {
      description: 'Cabinets the user belongs to, with the role in each.',
      query: { orderBy: { createdAt: 'asc' } },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user; null when not signed in.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
);

builder.prismaObjectField(User, 'apiTokens', (t) =>
  t.field({
    type: [ApiTokenRef],
    description: 'Active integrator tokens (only for the signed-in user themself).',
    resolve: (user, _args, ctx) =>
      ctx.viewer?.userId === user.id ? listApiTokens(ctx.prisma, { userId: user.id }) : [],
  }),
);

builder.prismaObjectField(User, 'notifications', (t) =>
  t.connection(
    {
      type: Notification,
      description: 'The notification history across all cabinets, newest first.',
      args: {
        filter: t.arg({ type: NotificationFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
      },
      resolve: (_user, args, ctx) => notificationConnection(ctx, args),
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);

builder.mutationField('updateTimeSettings', (t) =>
  t.prismaField({
    type: 'User',
    description:
      'The signed-in user’s own zone (any IANA name) and morning summary time ("HH:MM"); what is omitted stays.',
    errors: { types: [OperationError] },
    args: {
      timeZone: t.arg.string({ description: 'IANA zone, e.g. Europe/Moscow.' }),
      morningSummaryTime: t.arg.string({ description: '"HH:MM" in the zone, e.g. 09:00.' }),
    },
    authScopes: { signedIn: true },
    resolve: async (query, _root, args, ctx) => {
      const userId = viewerId(ctx);
      try {
        await updateTimeSettings(ctx.prisma, {
          userId,
          timeZone: args.timeZone ?? undefined,
          morningSummaryTime: args.morningSummaryTime ?? undefined,
        });
      } catch (error) {
        // A zone or time that is not one: a typed failure with the Russian message, nothing changed.
        if (error instanceof InvalidSettingError) throw new OperationError(error.code, error.message);
        throw error;
      }
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
);
