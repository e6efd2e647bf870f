import type { NotificationHistory, Prisma } from '@wb-assist/db';
import { viewerId, type GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { NotificationTypeEnum, SortDirection } from './enums.ts';
import { detailsOf, NotificationDetails } from './notification-details.ts';
import { keysetConnection } from './pagination.ts';

const NotificationStatusEnum = builder.enumType('NotificationStatus', {
  values: ['pending', 'sent', 'failed', 'suppressed', 'held'] as const,
});

/** Lists and subscriptions load the event with the row; anything else reads it here. */
export async function storedPayload(row: NotificationHistory, ctx: GraphQLContext): Promise<unknown> {
  const loaded = (row as { outboxEvent?: { payload: unknown } }).outboxEvent;
  if (loaded) return loaded.payload;
  const event = await ctx.prisma.outboxEvent.findUniqueOrThrow({ where: { id: row.outboxEventId } });
  return event.payload;
}

export const Notification = builder.prismaObject('NotificationHistory', {
  name: 'Notification',
  description: 'One event for one user: what was (or was not) delivered and why.',
  fields: (t) => ({
    id: t.id({ resolve: (row) => row.id.toString() }),
    cabinetId: t.exposeID('cabinetId'),
    type: t.expose('type', { type: NotificationTypeEnum }),
    status: t.expose('status', { type: NotificationStatusEnum }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it was suppressed or failed, as a code (e.g. notifications_disabled, type_disabled:<type>).',
    }),
    error: t.exposeString('lastError', {
      nullable: true,
      description: 'The last delivery error: what failed, or what a retry still waits out.',
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    payload: t.field({
      type: 'JSON',
      description:
        'The event as stored: its type’s fields in camelCase and the shape’s version `v`. `details` has the same facts, typed.',
      resolve: (row, _args, ctx) => storedPayload(row, ctx),
    }),
    details: t.field({
      type: NotificationDetails,
      nullable: true,
      description: 'The event’s facts as typed fields: one member of the union per notification type.',
      resolve: async (row, _args, ctx) => detailsOf(row.type, await storedPayload(row, ctx)),
    }),
  }),
});

export const NotificationFilter = builder.inputType('NotificationFilter', {
  fields: (t) => ({
    type: t.field({ type: NotificationTypeEnum }),
    status: t.field({ type: NotificationStatusEnum }),
  }),
});

type Args = {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
  filter?: { type?: string | null; status?: string | null } | null;
  direction?: string | null;
};

/** Only the viewer's own rows, ever: history is per user even inside a shared cabinet. */
export async function notificationConnection(ctx: GraphQLContext, args: Args, cabinetId?: string) {
  const where: Prisma.NotificationHistoryWhereInput = {
    userId: viewerId(ctx),
    cabinetId,
    type: (args.filter?.type ?? undefined) as Prisma.NotificationHistoryWhereInput['type'],
    status: (args.filter?.status ?? undefined) as Prisma.NotificationHistoryWhereInput['status'],
  };
  const connection = await keysetConnection<NotificationHistory>({
    args,
    field: 'createdAt',
    fieldType: 'date',
    descending: args.direction !== 'asc',
    value: (row) => row.createdAt,
    load: (page) =>
      ctx.prisma.notificationHistory.findMany({
        where: { AND: [where, ...page.where] },
        orderBy: page.orderBy as Prisma.NotificationHistoryOrderByWithRelationInput[],
        take: page.take,
        include: { outboxEvent: { select: { payload: true } } },
      }),
  });
  return withCount(connection, () => ctx.prisma.notificationHistory.count({ where }));
}

builder.prismaObjectField(Cabinet, 'notifications', (t) =>
  t.connection(
    {
      type: Notification,
      description: "The viewer's notification history in this cabinet, newest first.",
      args: {
        filter: t.arg({ type: NotificationFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
      },
      resolve: (cabinet, args, ctx) => notificationConnection(ctx, args, cabinet.id),
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
