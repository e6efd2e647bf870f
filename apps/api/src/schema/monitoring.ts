import { viewerId, type GraphQLContext } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';

// The dashboard's «Мониторинг» page: the same health /readyz and /metrics tell an operator,
// at a glance, limited to what this viewer may see (their cabinets, their messages).

const HealthStatusEnum = builder.enumType('HealthStatus', {
  values: ['ok', 'degraded', 'down', 'unknown'] as const,
});
type HealthStatus = 'ok' | 'degraded' | 'down' | 'unknown';

interface Component {
  name: 'api' | 'database' | 'worker' | 'bot';
  title: string;
  status: HealthStatus;
  detail: string;
  latencyMs: number | null;
}

const ComponentRef = builder.objectRef<Component>('HealthComponent').implement({
  description: 'One part of the system and how it is doing; detail is a Russian sentence.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'api, database, worker or bot.' }),
    title: t.exposeString('title'),
    status: t.field({ type: HealthStatusEnum, resolve: (c) => c.status }),
    detail: t.exposeString('detail'),
    latencyMs: t.exposeInt('latencyMs', { nullable: true }),
  }),
});

interface CabinetHealthRow {
  cabinet_id: string;
  syncs_day: number;
  failed_syncs_day: number;
  last_duration_ms: number | null;
  pending: number;
  oldest_pending_at: Date | null;
  sent_day: number;
  failed_day: number;
  last_sent_at: Date | null;
  next_sync_at: Date | null;
  status: string;
}

const CabinetHealthRef = builder.objectRef<CabinetHealthRow>('CabinetHealth').implement({
  description: 'A cabinet’s syncs over the last 24 hours and the viewer’s own messages from it.',
  fields: (t) => ({
    cabinet: t.prismaField({
      type: Cabinet,
      resolve: (query, row, _args, ctx) =>
        ctx.prisma.cabinet.findUniqueOrThrow({ ...query, where: { id: row.cabinet_id } }),
    }),
    syncsLastDay: t.exposeInt('syncs_day'),
    failedSyncsLastDay: t.exposeInt('failed_syncs_day', { description: 'Failed or partial syncs.' }),
    lastSyncDurationMs: t.exposeInt('last_duration_ms', { nullable: true }),
    pendingNotifications: t.exposeInt('pending', { description: 'The viewer’s messages not delivered yet.' }),
    oldestPendingAt: t.expose('oldest_pending_at', { type: 'DateTime', nullable: true }),
    sentNotificationsLastDay: t.exposeInt('sent_day'),
    failedNotificationsLastDay: t.exposeInt('failed_day'),
    lastNotificationSentAt: t.expose('last_sent_at', { type: 'DateTime', nullable: true }),
  }),
});

interface Monitoring {
  checkedAt: Date;
  components: Component[];
  cabinets: CabinetHealthRow[];
}

const MonitoringRef = builder.objectRef<Monitoring>('Monitoring').implement({
  fields: (t) => ({
    checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
    components: t.field({ type: [ComponentRef], resolve: (m) => m.components }),
    cabinets: t.field({ type: [CabinetHealthRef], resolve: (m) => m.cabinets }),
  }),
});

async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { error, ms: Math.round(performance.now() - started) };
  }
}

async function botComponent(ctx: GraphQLContext): Promise<Component> {
  const base = { name: 'bot', title: 'Telegram-бот' } as const;
  const url = ctx.config.botHealthUrl;
  if (!url) return { ...base, status: 'unknown', detail: 'Бот не настроен (нет BOT_TOKEN).', latencyMs: null };
  const probe = await timed(() => fetch(url, { signal: AbortSignal.timeout(1_500) }));
  if (probe.value?.ok) return { ...base, status: 'ok', detail: 'Бот отвечает.', latencyMs: probe.ms };
  const why = probe.value ? `ответ ${probe.value.status}` : 'нет ответа';
  return { ...base, status: 'down', detail: `Бот недоступен (${why}); уведомления ждут в очереди.`, latencyMs: null };
}

/** The worker has no address of its own (there may be many): judge it by whether syncs keep their schedule. */
function workerComponent(cabinets: CabinetHealthRow[], now: Date): Component {
  const base = { name: 'worker', title: 'Синхронизация (worker)', latencyMs: null } as const;
  const scheduled = cabinets.filter((c) => c.status === 'ready' && c.next_sync_at);
  if (scheduled.length === 0)
    return { ...base, status: 'unknown', detail: 'Нет кабинетов с расписанием синхронизации.' };
  const lateBy = (c: CabinetHealthRow) => now.getTime() - c.next_sync_at!.getTime();
  const late = scheduled.filter((c) => lateBy(c) > 2 * 60_000);
  if (late.length === 0) return { ...base, status: 'ok', detail: 'Синхронизации идут по расписанию.' };
  const worst = Math.round(Math.max(...late.map(lateBy)) / 60_000);
  return {
    ...base,
    status: worst > 10 ? 'down' : 'degraded',
    detail: `Синхронизация опаздывает на ${worst} мин (кабинетов: ${late.length}).`,
  };
}

builder.queryField('monitoring', (t) =>
  t.field({
    type: MonitoringRef,
    nullable: true,
    description:
      'Health at a glance for the dashboard: components, and the viewer’s cabinets and messages; null when not signed in.',
    authScopes: { signedIn: true },
    unauthorizedResolver: () => null,
    resolve: async (_root, _args, ctx) => {
      const userId = viewerId(ctx);
      const now = new Date();
      const database = await timed(() => ctx.prisma.$queryRaw`SELECT 1`);
      const cabinets = database.error
        ? []
        : await ctx.prisma.$queryRaw<CabinetHealthRow[]>`
            SELECT c.id AS cabinet_id, c.status::text AS status, c.next_sync_at,
                   coalesce(s.syncs_day, 0) AS syncs_day, coalesce(s.failed_syncs_day, 0) AS failed_syncs_day,
                   (SELECT duration_ms FROM wb_sync_logs l WHERE l.cabinet_id = c.id AND l.status <> 'running'
                     ORDER BY started_at DESC LIMIT 1) AS last_duration_ms,
                   coalesce(n.pending, 0) AS pending, n.oldest_pending_at, coalesce(n.sent_day, 0) AS sent_day,
                   coalesce(n.failed_day, 0) AS failed_day, n.last_sent_at
            FROM cabinet_users cu
            JOIN cabinets c ON c.id = cu.cabinet_id
            LEFT JOIN LATERAL (
              SELECT count(*)::int AS syncs_day,
                     count(*) FILTER (WHERE status IN ('failed', 'partial'))::int AS failed_syncs_day
              FROM wb_sync_logs WHERE cabinet_id = c.id AND started_at > now() - interval '1 day'
            ) s ON true
            LEFT JOIN LATERAL (
              SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                     min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending_at,
                     count(*) FILTER (WHERE status = 'sent' AND sent_at > now() - interval '1 day')::int AS sent_day,
                     count(*) FILTER (WHERE status = 'failed' AND created_at > now() - interval '1 day')::int AS failed_day,
                     max(sent_at) AS last_sent_at
              FROM notification_history
              WHERE user_id = cu.user_id AND cabinet_id = c.id
                AND (status = 'pending' OR created_at > now() - interval '1 day')
            ) n ON true
            WHERE cu.user_id = ${userId}::uuid
            ORDER BY cu.created_at`;
      const components: Component[] = [
        { name: 'api', title: 'GraphQL API', status: 'ok', detail: 'API отвечает.', latencyMs: null },
        database.error
          ? {
              name: 'database',
              title: 'База данных',
              status: 'down',
              detail: 'База данных не отвечает.',
              latencyMs: null,
            }
          : {
              name: 'database',
              title: 'База данных',
              status: database.ms > 500 ? 'degraded' : 'ok',
              detail:
                database.ms > 500 ? `База данных отвечает медленно (${database.ms} мс).` : 'База данных отвечает.',
              latencyMs: database.ms,
            },
        workerComponent(cabinets, now),
        await botComponent(ctx),
      ];
      return { checkedAt: now, components, cabinets };
    },
  }),
);
