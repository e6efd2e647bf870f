import { formatDateTime, formatMoney } from '@wb-assist/domain';

// The formatting itself is domain's, the same the bot's messages use; these adapt what the API
// sends (ISO instants, Decimal strings, fields that may be null) to it.

/** "27.11 14:05 МСК": an instant from the API in the viewer's zone, or a dash when there is none. */
export const formatInstant = (iso: string | null | undefined, timeZone: string) =>
  iso ? formatDateTime(new Date(iso), timeZone) : '—';

/** A Decimal from the API in whole rubles: "1 235 ₽". */
export const formatRubles = (value: string | number) => formatMoney(Number(value), { wholeRubles: true });

/** "05.01.2027": the calendar day of an API instant in the viewer's zone, with its year. */
export function formatDate(iso: string, timeZone: string): string {
  const [year, month, day] = dayIn(new Date(iso), timeZone).split('-');
  return `${day}.${month}.${year}`;
}

/** YYYY-MM-DD of an instant in a zone (en-CA formats dates that way). */
export function dayIn(date: Date, timeZone: string): string {
  return date.toLocaleDateString('en-CA', { timeZone });
}

/** HH:MM:SS of an instant in a zone, 24-hour. */
export function timeOfDayIn(date: Date, timeZone: string): string {
  return date.toLocaleTimeString('en-GB', { timeZone, hourCycle: 'h23' });
}

export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
