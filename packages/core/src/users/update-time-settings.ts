import type { PrismaClient } from '@wb-assist/db';
import { InvalidSettingError } from '../settings/notification-settings.ts';

export interface TimeSettings {
  /** IANA zone every time, "today" and day boundary is shown in. */
  timeZone: string;
  /** "09:00": when the morning summary arrives, in timeZone. */
  morningSummaryTime: string;
}

export interface UpdateTimeSettingsOptions {
  userId: string;
  timeZone?: string;
  morningSummaryTime?: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** 540 → "09:00". */
export function formatSummaryTime(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** "9:00", "09:00" → 540; anything else is refused with what is allowed. */
function parseSummaryTime(text: string): number {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) throw new InvalidSettingError('Время сводки — часы и минуты от 00:00 до 23:59, например 09:00.');
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The zone's canonical IANA name ("europe/berlin" → "Europe/Berlin"), known to both Node (which
 * formats the times) and PostgreSQL (which cuts the days): a name only one of them knew would
 * break messages or summaries later instead of now.
 */
async function canonicalZone(prisma: PrismaClient, text: string): Promise<string> {
  let zone: string;
  try {
    zone = new Intl.DateTimeFormat('en', { timeZone: text.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidSettingError(
      `Не знаю часового пояса «${text.trim()}». Пример: Europe/Moscow, Asia/Yekaterinburg.`,
    );
  }
  const known = await prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_timezone_names WHERE name = ${zone}`;
  if (known.length === 0 || !zone.includes('/')) {
    throw new InvalidSettingError(
      `Не знаю часового пояса «${text.trim()}». Пример: Europe/Moscow, Asia/Yekaterinburg.`,
    );
  }
  return zone;
}

/**
 * Changes the user's zone and the time of their morning summary. A change unschedules the
 * summary (next_summary_at NULL): the worker schedules it at the new time on its next pass, and
 * a day already summarised is never summarised again (its outbox key is user and local date).
 */
export async function updateTimeSettings(
  prisma: PrismaClient,
  options: UpdateTimeSettingsOptions,
): Promise<TimeSettings> {
  const timeZone = options.timeZone === undefined ? undefined : await canonicalZone(prisma, options.timeZone);
  const minute = options.morningSummaryTime === undefined ? undefined : parseSummaryTime(options.morningSummaryTime);
  const changed = timeZone !== undefined || minute !== undefined;
  const user = await prisma.user.update({
    where: { id: options.userId },
    data: changed ? { timeZone, morningSummaryMinute: minute, nextSummaryAt: null } : {},
    select: { timeZone: true, morningSummaryMinute: true },
  });
  return { timeZone: user.timeZone, morningSummaryTime: formatSummaryTime(user.morningSummaryMinute) };
}
