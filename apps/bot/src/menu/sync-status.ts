import { requestSync } from '@wb-assist/core';
import { escapeHtml, formatDateTime, formatInteger } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen, Viewer } from './screen.ts';

const SOURCE_NAMES: Record<string, string> = {
  orders: 'заказы',
  sales: 'выкупы и возвраты',
  stocks: 'остатки',
  reviews: 'отзывы',
  questions: 'вопросы',
  products: 'товары',
  order_feed: 'лента заказов',
};

const STATUS_NAMES: Record<string, string> = {
  success: '✅ успешно',
  partial: '⚠️ частично',
  failed: '❌ с ошибкой',
};

interface LogErrors {
  sources?: { source: string; code: string; message: string }[];
}

/** Статус синхронизации: last and next sync, the last run's outcome and what went wrong. */
export async function syncStatusScreen(ctx: BotContext, viewer: Viewer, notice?: string): Promise<Screen> {
  const cabinet = await ctx.prisma.cabinet.findUniqueOrThrow({
    where: { id: viewer.cabinet.id },
    select: { status: true, statusReason: true, lastSyncAt: true, nextSyncAt: true, tokenExpiresAt: true },
  });
  // The last finished run tells how it went; one running now is only mentioned.
  const last = await ctx.prisma.wbSyncLog.findFirst({
    where: { cabinetId: viewer.cabinet.id, status: { not: 'running' } },
    orderBy: { startedAt: 'desc' },
  });
  const running = await ctx.prisma.wbSyncLog.count({
    where: { cabinetId: viewer.cabinet.id, status: 'running', startedAt: { gt: last?.startedAt ?? new Date(0) } },
  });
  const zone = viewer.timeZone;
  const lines = [`🔄 <b>Синхронизация</b> · ${escapeHtml(viewer.cabinet.name)}`, ''];
  if (cabinet.status === 'key_invalid') {
    lines.push(`⚠️ Ключ не работает${cabinet.statusReason ? `: ${escapeHtml(cabinet.statusReason)}` : ''}.`);
    lines.push('Пришлите новый ключ: «Кабинеты» → «Добавить кабинет».', '');
  }
  lines.push(`Последняя: ${cabinet.lastSyncAt ? formatDateTime(cabinet.lastSyncAt, zone) : 'ещё не было'}`);
  if (cabinet.status === 'ready' && cabinet.nextSyncAt) {
    lines.push(
      `Следующая: ${cabinet.nextSyncAt <= new Date() ? 'уже в очереди' : formatDateTime(cabinet.nextSyncAt, zone)}`,
    );
  }
  if (running > 0) lines.push('⏳ Синхронизация идёт прямо сейчас');
  if (last) {
    const duration =
      last.durationMs === null ? '' : `, ${formatInteger(Math.max(1, Math.round(last.durationMs / 1000)))} с`;
    lines.push(`Результат: ${STATUS_NAMES[last.status] ?? last.status}${duration}`);
    if (last.eventsCreated > 0) lines.push(`Новых событий: ${formatInteger(last.eventsCreated)}`);
    if (last.skippedRows > 0) lines.push(`Пропущено битых строк WB: ${formatInteger(last.skippedRows)}`);
    for (const error of (last.errors as LogErrors | null)?.sources ?? []) {
      lines.push(`• ${SOURCE_NAMES[error.source] ?? error.source}: ${escapeHtml(error.message)}`);
    }
  }
  lines.push(`Ключ действует до ${formatDateTime(cabinet.tokenExpiresAt, zone)}`);
  if (notice) lines.push('', notice);
  return {
    text: lines.join('\n'),
    keyboard: [
      [
        { text: '▶️ Синхронизировать сейчас', callbackData: 'sync:now' },
        { text: '🔄 Обновить', callbackData: 'scr:sync' },
      ],
      [BACK_TO_MENU],
    ],
  };
}

export async function syncNow(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  const result = await requestSync(ctx.prisma, { cabinetId: viewer.cabinet.id, userId: viewer.userId });
  return syncStatusScreen(
    ctx,
    viewer,
    result.ok ? '▶️ Синхронизация запрошена: данные обновятся в течение минуты.' : result.message,
  );
}
