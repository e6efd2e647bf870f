import type { DailyStat } from '../graphql/overview';
import { shiftDay } from './format';

export interface Totals {
  orders: number;
  orderedAmount: number;
  buyouts: number;
  cancellations: number;
  returns: number;
  revenue: number;
  buyoutRate: number | null;
}

/** Sums the days in [from, to]; buyout rate = buyouts / (buyouts + returns). */
export function totals(days: DailyStat[], from: string, to: string): Totals {
  const t = { orders: 0, orderedAmount: 0, buyouts: 0, cancellations: 0, returns: 0, revenue: 0 };
  for (const day of days) {
    if (day.date < from || day.date > to) continue;
    t.orders += day.orders;
    t.orderedAmount += Number(day.orderedAmount);
    t.buyouts += day.buyouts;
    t.cancellations += day.cancellations;
    t.returns += day.returns;
    t.revenue += Number(day.revenue);
  }
  const settled = t.buyouts + t.returns;
  return { ...t, buyoutRate: settled ? t.buyouts / settled : null };
}

export interface Period {
  key: string;
  label: string;
  current: [string, string];
  previous: [string, string];
  /** The period is today so far: its previous day counts only up to the same time of day. */
  sameHours?: boolean;
  /** What the change is against, said under the figures. */
  against: string;
}

/** "2026-11-26" → "26.11". */
const shortDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}`;

/**
 * Today, yesterday, 7 and 30 days ending today, each with the period just before it. With
 * `day` (the morning summary's «Подробнее»), that day comes first, against the same weekday a
 * week before, as the summary compares it.
 */
export function periods(today: string, day?: string): Period[] {
  const span = (key: string, label: string, days: number, against: string, endOffset = 0): Period => {
    const to = shiftDay(today, -endOffset);
    const from = shiftDay(to, -(days - 1));
    return { key, label, against, current: [from, to], previous: [shiftDay(from, -days), shiftDay(from, -1)] };
  };
  const chosen: Period[] =
    day && day < today
      ? [
          {
            key: 'day',
            label: `Итоги ${shortDay(day)}`,
            against: `к ${shortDay(shiftDay(day, -7))}, тому же дню недели`,
            current: [day, day],
            previous: [shiftDay(day, -7), shiftDay(day, -7)],
          },
        ]
      : [];
  return [
    ...chosen,
    { ...span('today', 'Сегодня', 1, 'к вчера на это же время'), sameHours: true },
    span('yesterday', 'Вчера', 1, 'к позавчера', 1),
    span('7d', '7 дней', 7, 'к 7 дням до них'),
    span('30d', '30 дней', 30, 'к 30 дням до них'),
  ];
}
