import { listApiTokens } from '@wb-assist/core';
import { builder } from './builder.ts';
import { totalCountField } from './connection-count.ts';
import { NotificationFilter, Notification, notificationConnection } from './notification-history.ts';
import { SortDirection } from './enums.ts';

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
