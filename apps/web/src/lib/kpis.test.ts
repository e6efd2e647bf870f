import { describe, expect, it } from 'vitest';
import type { DailyStat } from '../graphql/overview';
import { periods, totals } from './kpis';

const day = (date: string, orders: number, buyouts: number, returns = 0): DailyStat => ({
  date,
  orders,
  buyouts,
  cancellations: 0,
  returns,
  revenue: String(buyouts * 100),
  orderedAmount: String(orders * 150),
});

describe('periods', () => {
  it('pairs each period with the same number of days just before it', () => {
    const [today, yesterday, week, month] = periods('2026-03-01');
    expect(today).toMatchObject({
      current: ['2026-03-01', '2026-03-01'],
      previous: ['2026-02-28', '2026-02-28'],
      sameHours: true,
    });
    expect(yesterday).toMatchObject({ current: ['2026-02-28', '2026-02-28'], previous: ['2026-02-27', '2026-02-27'] });
    expect(yesterday!.sameHours).toBeUndefined();
    expect(week).toMatchObject({ current: ['2026-02-23', '2026-03-01'], previous: ['2026-02-16', '2026-02-22'] });
    expect(month).toMatchObject({ current: ['2026-01-31', '2026-03-01'], previous: ['2026-01-01', '2026-01-30'] });
  });

  it('puts a linked past day first, against the same weekday a week before, as the morning summary does', () => {
    const [linked, today] = periods('2026-03-01', '2026-02-26');
    expect(linked).toEqual({
      key: 'day',
      label: 'Итоги 26.02',
      against: 'к 19.02, тому же дню недели',
      current: ['2026-02-26', '2026-02-26'],
      previous: ['2026-02-19', '2026-02-19'],
    });
    expect(today?.key).toBe('today');
    expect(periods('2026-03-01', '2026-03-01')[0]?.key).toBe('today');
  });
});

describe('totals', () => {
  it('sums only the days inside the range and rates buyouts against returns', () => {
    const days = [day('2026-02-27', 5, 1), day('2026-02-28', 3, 3, 1), day('2026-03-01', 2, 0)];
    expect(totals(days, '2026-02-28', '2026-03-01')).toEqual({
      orders: 5,
      orderedAmount: 750,
      buyouts: 3,
      cancellations: 0,
      returns: 1,
      revenue: 300,
      buyoutRate: 0.75,
    });
  });

  it('has no buyout rate without buyouts or returns', () => {
    expect(totals([day('2026-03-01', 4, 0)], '2026-03-01', '2026-03-01').buyoutRate).toBeNull();
  });
});
