import { formatSummaryTime, InvalidSettingError, updateTimeSettings } from '@wb-assist/core';
import { escapeHtml, formatDateTime } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import { BACK_TO_MENU } from '../views/labels.ts';
import type { Screen } from './screen.ts';

/** The zones most sellers live in, west to east; any other IANA name is typed with /timezone. */
export const COMMON_ZONES = [
  { zone: 'Europe/Kaliningrad', name: 'Калининград' },
  { zone: 'Europe/Moscow', name: 'Москва' },
  { zone: 'Europe/Samara', name: 'Самара' },
  { zone: 'Asia/Yekaterinburg', name: 'Екатеринбург' },
  { zone: 'Asia/Omsk', name: 'Омск' },
  { zone: 'Asia/Novosibirsk', name: 'Новосибирск' },
  { zone: 'Asia/Krasnoyarsk', name: 'Красноярск' },
  { zone: 'Asia/Irkutsk', name: 'Иркутск' },
  { zone: 'Asia/Vladivostok', name: 'Владивосток' },
  { zone: 'Asia/Almaty', name: 'Алматы' },
] as const;

/** The summary times a press steps through; any other minute is typed with /summary. */
export const SUMMARY_TIME_STEPS = ['07:00', '08:00', '09:00', '10:00', '11:00', '12:00'] as const;

const mark = (on: boolean) => (on ? '✅ ' : '');

async function readTimes(ctx: BotContext, userId: string) {
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { timeZone: true, morningSummaryMinute: true },
  });
  return { timeZone: user.timeZone, morningSummaryTime: formatSummaryTime(user.morningSummaryMinute) };
}

function draw(times: { timeZone: string; morningSummaryTime: string }, notice?: string): Screen {
  const zones = COMMON_ZONES.map(({ zone, name }) => ({
    text: `${mark(zone === times.timeZone)}${name}`,
    callbackData: `tz:set:${zone}`,
  }));
  const rows = [];
  for (let i = 0; i < zones.length; i += 2) rows.push(zones.slice(i, i + 2));
  return {
    text: [
      ...(notice ? [notice, ''] : []),
      '🕘 <b>Часовой пояс и утренняя сводка</b>',
      `Пояс: <b>${escapeHtml(times.timeZone)}</b>, сейчас ${formatDateTime(new Date(), times.timeZone)}.`,
      'В нём показываю время в уведомлениях и меню и считаю «сегодня».',
      `☀️ Сводка за вчера приходит в <b>${times.morningSummaryTime}</b>.`,
      '',
      'Другой пояс: /timezone и его название, например <code>/timezone Europe/Berlin</code>.',
      'Другое время сводки: например <code>/summary 08:30</code>.',
    ].join('\n'),
    keyboard: [
      ...rows,
      [{ text: `☀️ Сводка в ${times.morningSummaryTime} — сменить`, callbackData: 'st:next' }],
      [{ text: '« Уведомления', callbackData: 'scr:notifications' }, BACK_TO_MENU],
    ],
  };
}

export async function timeSettingsScreen(ctx: BotContext, userId: string): Promise<Screen> {
  return draw(await readTimes(ctx, userId));
}

/**
 * A zone or a summary time from a button or a command, saved, then the page redrawn from what
 * was saved; a name or time that is not one redraws the page with why, changing nothing.
 */
export async function changeTimeSettings(
  ctx: BotContext,
  userId: string,
  change: { timeZone?: string; morningSummaryTime?: string },
): Promise<{ screen: Screen; notice: string }> {
  try {
    const saved = await updateTimeSettings(ctx.prisma, { userId, ...change });
    const notice =
      change.timeZone !== undefined
        ? `Часовой пояс: ${saved.timeZone}`
        : `Утренняя сводка будет приходить в ${saved.morningSummaryTime}`;
    return { screen: draw(saved, `✅ ${escapeHtml(notice)}`), notice };
  } catch (error) {
    if (!(error instanceof InvalidSettingError)) throw error;
    return { screen: draw(await readTimes(ctx, userId), `❌ ${escapeHtml(error.message)}`), notice: error.message };
  }
}

/** One press on the summary time: the next step, back to the first after the last. */
export async function stepSummaryTime(ctx: BotContext, userId: string): Promise<{ screen: Screen; notice: string }> {
  const { morningSummaryTime } = await readTimes(ctx, userId);
  const next = SUMMARY_TIME_STEPS.find((step) => step > morningSummaryTime) ?? SUMMARY_TIME_STEPS[0];
  return changeTimeSettings(ctx, userId, { morningSummaryTime: next });
}
