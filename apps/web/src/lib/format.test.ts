import { describe, expect, it } from 'vitest';
import {
  dayIn,
  formatCount,
  formatDate,
  formatDaysOfCover,
  formatInstant,
  formatRubles,
  formatSaleMoney,
  shiftDay,
  timeOfDayIn,
} from './format';

// No-break spaces shown as "_" so the expected strings say where they are.
const visible = (text: string) => text.replaceAll('\u00a0', '_');

describe('formatInstant', () => {
  it("shows an API instant in the viewer's zone, labelled as the bot labels it", () => {
    expect(formatInstant('2026-11-27T11:05:00.000Z', 'Europe/Moscow')).toBe('27.11 14:05 МСК');
    expect(formatInstant('2026-11-27T22:30:00.000Z', 'Asia/Vladivostok')).toBe('28.11 08:30 UTC+10');
  });

  it('shows a dash for an instant the API does not have', () => {
    expect(formatInstant(null, 'Europe/Moscow')).toBe('—');
    expect(formatInstant(undefined, 'Europe/Moscow')).toBe('—');
  });
});

describe('formatRubles', () => {
  it('shows a Decimal from the API in whole rubles, grouped by no-break spaces', () => {
    expect(visible(formatRubles('1499.50'))).toBe('1_500_₽');
    expect(visible(formatRubles('34560.00'))).toBe('34_560_₽');
    expect(visible(formatRubles(-1618.4))).toBe('−1_618_₽');
    expect(visible(formatRubles('0'))).toBe('0_₽');
  });
});

describe('formatCount', () => {
  it('groups thousands with no-break spaces, as ru-RU does', () => {
    expect(visible(formatCount(7385))).toBe('7_385');
    expect(visible(formatCount(1234567))).toBe('1_234_567');
    expect(formatCount(999)).toBe('999');
  });
});

describe('formatSaleMoney', () => {
  it('says the money is not settled yet while WB reports 0, not «0 ₽»', () => {
    expect(formatSaleMoney('0.00')).toBe('ещё не рассчитано');
    expect(visible(formatSaleMoney('1499.50'))).toBe('1_500_₽');
    expect(visible(formatSaleMoney('-800.00'))).toBe('−800_₽');
  });
});

describe('dayIn and shiftDay', () => {
  it("takes the calendar day in the viewer's zone and moves it across months", () => {
    expect(dayIn(new Date('2026-02-28T22:30:00Z'), 'Europe/Moscow')).toBe('2026-03-01');
    expect(dayIn(new Date('2026-02-28T22:30:00Z'), 'UTC')).toBe('2026-02-28');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('timeOfDayIn', () => {
  it("gives an instant's 24-hour time of day in a zone, as the API's untilTimeOfDay takes it", () => {
    expect(timeOfDayIn(new Date('2026-11-27T21:05:09Z'), 'Europe/Moscow')).toBe('00:05:09');
    expect(timeOfDayIn(new Date('2026-11-27T11:05:00Z'), 'Asia/Vladivostok')).toBe('21:05:00');
  });
});

describe('formatDate', () => {
  it('shows the day of an instant in the zone, with its year', () => {
    expect(formatDate('2026-12-31T22:30:00.000Z', 'Europe/Moscow')).toBe('01.01.2027');
    expect(formatDate('2026-12-31T22:30:00.000Z', 'UTC')).toBe('31.12.2026');
  });
});

describe('formatDaysOfCover', () => {
  it('shows whole days with the Russian plural, less than a day, or no orders at all', () => {
    expect(visible(formatDaysOfCover(28))).toBe('≈ 28_дней');
    expect(visible(formatDaysOfCover(2.9))).toBe('≈ 2_дня');
    expect(visible(formatDaysOfCover(21))).toBe('≈ 21_день');
    expect(formatDaysOfCover(0.4)).toBe('меньше дня');
    expect(formatDaysOfCover(null)).toBe('нет заказов');
  });
});
