import type { Prisma, WbSyncLog } from '@wb-assist/db';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { totalCountField, withCount } from './connection-count.ts';
import { SortDirection } from './enums.ts';
import { offsetArgument, sortedConnection } from './table-query.ts';

const SyncKindEnum = builder.enumType('SyncKind', { values: ['initial', 'periodic', 'manual'] as const });
const SyncStatusEnum = builder.enumType('SyncStatus', { values: ['running', 'success', 'partial', 'failed'] as const });

export const SyncLog = builder.prismaObject('WbSyncLog', {
  name: 'SyncLog',
  fields: (t) => ({
    id: t.id({ resolve: (log) => log.id.toString() }),
    kind: t.expose('kind', { type: SyncKindEnum }),
    status: t.expose('status', { type: SyncStatusEnum }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    counts: t.expose('counts', { type: 'JSON', description: 'Per source: fetched, inserted, updated, skipped.' }),
    skippedRows: t.exposeInt('skippedRows'),
    eventsCreated: t.exposeInt('eventsCreated'),
    errors: t.expose('errors', { type: 'JSON', nullable: true, description: 'Per source error codes and messages.' }),
  }),
});

const SyncLogFilter = builder.inputType('SyncLogFilter', {
  fields: (t) => ({ status: t.field({ type: SyncStatusEnum }), kind: t.field({ type: SyncKindEnum }) }),
});

builder.prismaObjectField(Cabinet, 'syncLogs', (t) =>
  t.connection(
    {
      type: SyncLog,
      description: 'Syncs of this cabinet, newest first; keyset-paginated on (startedAt, id).',
      args: {
        filter: t.arg({ type: SyncLogFilter }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        offset: t.arg.int(offsetArgument),
      },
      resolve: async (cabinet, args, ctx) => {
        const where: Prisma.WbSyncLogWhereInput = {
          cabinetId: cabinet.id,
          status: args.filter?.status ?? undefined,
          kind: args.filter?.kind ?? undefined,
        };
        const connection = await sortedConnection<WbSyncLog>({
          args,
          descending: args.direction !== 'asc',
          column: 'startedAt',
          keyset: { field: 'startedAt', fieldType: 'date', value: (log) => log.startedAt },
          load: (page) =>
            ctx.prisma.wbSyncLog.findMany({
              where: { AND: [where, ...page.where] },
              orderBy: page.orderBy as Prisma.WbSyncLogOrderByWithRelationInput[],
              skip: page.skip,
              take: page.take,
            }),
        });
        return withCount(connection, () => ctx.prisma.wbSyncLog.count({ where }));
      },
    },
    { fields: (c) => ({ totalCount: c.int(totalCountField) }) },
  ),
);
