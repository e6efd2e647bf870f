import { wallClock } from '../format/date.ts';

export const QUIET_HOURS_MODES = ['off', 'silent', 'digest'] as const;
export type QuietHoursMode = (typeof QUIET_HOURS_MODES)[number];

/** A user's quiet hours: minutes after midnight in their zone; start > end crosses midnight. */
export interface QuietHours {
  mode: QuietHoursMode;
  start: number;
  end: number;
  timeZone: string;
}

const DAY_MINUTES = 24 * 60;

function minuteOfDay(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  return wall.hour * 60 + wall.minute;
}

/**
 * Whether `now` is inside the window and, if so, the instant it ends. The end is found on the
 * wall clock and checked once against the zone, so a DST change inside the window moves the
 * instant, not the local time the user chose.
 */
export function quietWindowAt(hours: QuietHours, now: Date): { inside: false } | { inside: true; endsAt: Date } {
  if (hours.mode === 'off' || hours.start === hours.end) return { inside: false };
  const minute = minuteOfDay(now, hours.timeZone);
  const inside =
    hours.start < hours.end ? minute >= hours.start && minute < hours.end : minute >= hours.start || minute < hours.end;
  if (!inside) return { inside: false };
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  let endsAt = startOfMinute + ((hours.end - minute + DAY_MINUTES) % DAY_MINUTES) * 60_000;
  const drift = (hours.end - minuteOfDay(new Date(endsAt), hours.timeZone) + DAY_MINUTES) % DAY_MINUTES;
  // A drift is the zone's offset change on the way (an hour, rarely 30 minutes), either direction.
  if (drift !== 0) endsAt += (drift > DAY_MINUTES / 2 ? drift - DAY_MINUTES : drift) * 60_000;
  return { inside: true, endsAt: new Date(endsAt) };
}

/** "23:00" → 1380; null for anything that is not a time of day as HH:MM. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 1380 → "23:00". */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
