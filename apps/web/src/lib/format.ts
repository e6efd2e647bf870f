import { countNoun, formatDateTime, formatInteger, formatMoney } from '@wb-assist/domain';

// The formatting itself is domain's, the same the bot's messages use; these adapt what the API
// sends (ISO instants, Decimal strings, fields that may be null) to it.

/** "27.11 14:05 МСК": an instant from the API in the viewer's zone, or a dash when there is none. */
export const formatInstant = (iso: string | null | undefined, timeZone: string) =>
  iso ? formatDateTime(new Date(iso), timeZone) : '—';

/** A Decimal from the API in whole rubles: "1 235 ₽". */
export const formatRubles = (value: string | number) => formatMoney(Number(value), { wholeRubles: true });

/** A count as the tables show it: «7 385», a no-break space between thousands (as ru-RU writes). */
export const formatCount = (value: number) => formatInteger(value);

/** WB writes 0 into a sale's money until it has settled it: that is unknown, not «0 ₽». */
export const NOT_SETTLED = 'ещё не рассчитано';

/** A buyout's or return's money: «1 235 ₽», or «ещё не рассчитано» while WB has not filled it. */
export const formatSaleMoney = (value: string | number) => (Number(value) === 0 ? NOT_SETTLED : formatRubles(value));

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

const DAY_FORMS = ['день', 'дня', 'дней'] as const;

/** Days of cover as a seller reads it: whole days, «меньше дня», or «нет заказов» when nobody ordered. */
export function formatDaysOfCover(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'нет заказов';
  if (days < 1) return 'меньше дня';
  return `≈ ${countNoun(Math.floor(days), DAY_FORMS)}`;
}
