import {
  getNotificationSettings,
  getQuietHours,
  updateNotificationSettings,
  type QuietHoursView,
} from '@wb-assist/core';
import { countNoun, escapeHtml, NOTIFICATION_TYPES, type NotificationType } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU, TYPE_NAMES } from '../views/labels.ts';
import { quietHoursRows } from './quiet-hours.ts';
import type { Screen, Viewer } from './screen.ts';

type Settings = Awaited<ReturnType<typeof getNotificationSettings>>;

const mark = (on: boolean) => (on ? '✅' : '⬜️');

/** The thresholds a press on the forecast button steps through, in days of cover. */
export const FORECAST_DAY_STEPS = [3, 5, 7, 10, 14, 21, 30] as const;

const days = (count: number) => countNoun(count, ['день', 'дня', 'дней']);

/** The next step after the current threshold, back to the first after the last. */
function nextForecastDays(current: number): number {
  return FORECAST_DAY_STEPS.find((step) => step > current) ?? FORECAST_DAY_STEPS[0];
}

function draw(viewer: Viewer, settings: Settings, quietHours: QuietHoursView): Screen {
  const cabinetId = viewer.cabinet.id;
  const toggles = NOTIFICATION_TYPES.map((type) => ({
    text: `${mark(settings.types[type])} ${TYPE_NAMES[type]}`,
    callbackData: `nt:${type}:${cabinetId}`,
  }));
  const rows = [];
  for (let i = 0; i < toggles.length; i += 2) rows.push(toggles.slice(i, i + 2));
  return {
    text: [
      `🔔 <b>Уведомления</b> · ${escapeHtml(viewer.cabinet.name)}`,
      settings.enabled
        ? 'Присылаю отмеченные типы. Нажмите, чтобы включить или выключить.'
        : '🔕 Все уведомления выключены. Отметки сохранятся до включения.',
    ].join('\n'),
    keyboard: [
      [
        {
          text: settings.enabled ? '🔔 Все уведомления: включены' : '🔕 Все уведомления: выключены',
          callbackData: `nt:all:${cabinetId}`,
        },
      ],
      ...rows,
      [
        {
          text: `⏳ Предупреждать за ${days(settings.stockForecastDays)} до конца остатка`,
          callbackData: `nt:fd:${cabinetId}`,
        },
      ],
      ...quietHoursRows(quietHours, cabinetId),
      [{ text: '🕘 Часовой пояс и утренняя сводка', callbackData: 'scr:time' }],
      [BACK_TO_MENU],
    ],
  };
}

export async function notificationsScreen(ctx: BotContext, viewer: Viewer): Promise<Screen> {
  return draw(
    viewer,
    await getNotificationSettings(ctx.prisma, { userId: viewer.userId, cabinetId: viewer.cabinet.id }),
    await getQuietHours(ctx.prisma, { userId: viewer.userId }),
  );
}

/** One press on a toggle: saved first, then the page is redrawn from what was saved. */
export async function toggleNotification(
  ctx: BotContext,
  viewer: Viewer,
  what: NotificationType | 'all',
): Promise<{ screen: Screen; notice: string }> {
  const current = await getNotificationSettings(ctx.prisma, { userId: viewer.userId, cabinetId: viewer.cabinet.id });
  const patch = what === 'all' ? { enabled: !current.enabled } : { types: { [what]: !current.types[what] } };
  const saved = await updateNotificationSettings(ctx.prisma, {
    userId: viewer.userId,
    cabinetId: viewer.cabinet.id,
    patch,
  });
  const notice =
    what === 'all'
      ? saved.enabled
        ? 'Уведомления включены'
        : 'Все уведомления выключены'
      : `${TYPE_NAMES[what]}: ${saved.types[what] ? 'включено' : 'выключено'}`;
  return { screen: draw(viewer, saved, await getQuietHours(ctx.prisma, { userId: viewer.userId })), notice };
}

/** One press on the forecast threshold: the next step, saved, then the page redrawn. */
export async function stepForecastDays(ctx: BotContext, viewer: Viewer): Promise<{ screen: Screen; notice: string }> {
  const current = await getNotificationSettings(ctx.prisma, { userId: viewer.userId, cabinetId: viewer.cabinet.id });
  const saved = await updateNotificationSettings(ctx.prisma, {
    userId: viewer.userId,
    cabinetId: viewer.cabinet.id,
    patch: { stockForecastDays: nextForecastDays(current.stockForecastDays) },
  });
  return {
    screen: draw(viewer, saved, await getQuietHours(ctx.prisma, { userId: viewer.userId })),
    notice: `Предупрежу, когда товара останется меньше чем на ${days(saved.stockForecastDays)}`,
  };
}
