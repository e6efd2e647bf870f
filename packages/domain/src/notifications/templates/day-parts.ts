import type { PluralForms } from '../../format/plural.ts';

export const DAY_FORMS: PluralForms = ['день', 'дня', 'дней'];

/** "06.01.2027" in the user's zone. */
export function formatDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.day}.${parts.month}.${parts.year}`;
}

/** "2026-11-27" → "27.11". */
export function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${date}.${month}`;
}

/** 2 → "2", 0.5 → "0,5": a daily rate with at most one decimal, the Russian way. */
export function formatRate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded).replace('.', ',');
}
