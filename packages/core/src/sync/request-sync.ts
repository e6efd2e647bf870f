import type { CabinetStatus, PrismaClient } from '@wb-assist/db';
import { getMembership } from '../cabinets/membership.ts';

export type RequestSyncError = 'not_member' | 'not_ready' | 'too_soon';

export type RequestSyncResult =
  { ok: true; nextSyncAt: Date } | { ok: false; error: RequestSyncError; message: string; retryAfterSeconds?: number };

/** A sync still "running" after this long died with its process; it does not block a new one. */
const RUNNING_SYNC_STALE_MS = 15 * 60_000;

const NOT_READY: Record<Exclude<CabinetStatus, 'ready'>, string> = {
  initial_sync: 'Первая загрузка данных ещё идёт: дождитесь её окончания.',
  key_invalid: 'Ключ WB перестал работать. Пришлите новый ключ — синхронизация возобновится.',
  paused: 'Синхронизация этого кабинета приостановлена.',
};

interface CabinetTiming {
  status: CabinetStatus;
  lastSyncAt: Date | null;
  nextSyncAt: Date | null;
}

function refusal(cabinet: CabinetTiming, now: Date, minIntervalMs: number): RequestSyncResult | null {
  if (cabinet.status !== 'ready') return { ok: false, error: 'not_ready', message: NOT_READY[cabinet.status] };
  if (cabinet.nextSyncAt && cabinet.nextSyncAt <= now) {
    return { ok: false, error: 'too_soon', message: 'Синхронизация уже запрошена: данные обновятся в течение минуты.' };
  }
  const waitMs = cabinet.lastSyncAt ? cabinet.lastSyncAt.getTime() + minIntervalMs - now.getTime() : 0;
  if (waitMs > 0) {
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    return {
      ok: false,
      error: 'too_soon',
      message: `Данные только что обновились. Повторить можно через ${retryAfterSeconds} с.`,
      retryAfterSeconds,
    };
  }
  return null;
}

/**
 * "Sync now": makes a ready cabinet due at once. Only the worker turns due cabinets into jobs
 * (apps/worker claims those whose next_sync_at has come), so the bot and the API only move
 * next_sync_at. A minimum interval since the last sync keeps impatient taps from spending the
 * seller's WB rate limit.
 */
export async function requestSync(
  prisma: PrismaClient,
  options: { cabinetId: string; userId: string; now?: Date; minIntervalMs?: number },
): Promise<RequestSyncResult> {
  const now = options.now ?? new Date();
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const { cabinetId } = options;
  if (!(await getMembership(prisma, options))) {
    return { ok: false, error: 'not_member', message: 'Вы не участник этого кабинета.' };
  }
  const select = { status: true, lastSyncAt: true, nextSyncAt: true } as const;
  const cabinet = await prisma.cabinet.findUniqueOrThrow({ where: { id: cabinetId }, select });
  const refused = refusal(cabinet, now, minIntervalMs);
  if (refused) return refused;
  const running = await prisma.wbSyncLog.findFirst({
    where: { cabinetId, status: 'running', startedAt: { gt: new Date(now.getTime() - RUNNING_SYNC_STALE_MS) } },
    select: { id: true },
  });
  if (running) {
    return { ok: false, error: 'too_soon', message: 'Синхронизация уже идёт: данные скоро обновятся.' };
  }

  // The same conditions again, in the UPDATE itself: of two taps at once only one moves the
  // schedule. Raw SQL leaves updated_at alone, as the worker's scheduler does.
  const notBefore = new Date(now.getTime() - minIntervalMs);
  const moved = await prisma.$executeRaw`
    UPDATE cabinets SET next_sync_at = ${now}
    WHERE id = ${cabinetId}::uuid AND status = 'ready'
      AND (last_sync_at IS NULL OR last_sync_at <= ${notBefore})
      AND (next_sync_at IS NULL OR next_sync_at > ${now})`;
  if (moved === 1) return { ok: true, nextSyncAt: now };
  const fresh = await prisma.cabinet.findUnique({ where: { id: cabinetId }, select });
  if (!fresh) return { ok: false, error: 'not_member', message: 'Вы не участник этого кабинета.' };
  return (
    refusal(fresh, now, minIntervalMs) ?? {
      ok: false,
      error: 'too_soon',
      message: 'Синхронизация уже запрошена: данные обновятся в течение минуты.',
    }
  );
}
