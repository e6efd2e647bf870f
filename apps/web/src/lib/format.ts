import { NOTIFICATION_DEFINITIONS } from '@wb-assist/domain';

const money = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('ru-RU');

export const formatMoney = (value: string | number) => money.format(Number(value));
export const formatNumber = (value: number) => number.format(value);
export const formatDateTime = (iso: string | null | undefined, timeZone?: string) =>
  iso
    ? new Date(iso).toLocaleString('ru-RU', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

/** YYYY-MM-DD of an instant in a zone (en-CA formats dates that way). */
export function dayIn(date: Date, timeZone: string): string {
  return date.toLocaleDateString('en-CA', { timeZone });
}

export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** One notification's type as the history and toasts name it, from the registry. */
export const NOTIFICATION_TYPES: Record<string, string> = Object.fromEntries(
  NOTIFICATION_DEFINITIONS.map((definition) => [definition.id, definition.labels.shortTitle]),
);

/** Russian plural: 1 заказ, 2 заказа, 5 заказов. */
export function plural(count: number, one: string, few: string, many: string): string {
  const rule = new Intl.PluralRules('ru-RU').select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
}
