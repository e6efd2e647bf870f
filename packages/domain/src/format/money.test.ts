import { describe, expect, it } from 'vitest';
import { formatInteger, formatMoney, formatPercent } from './money.ts';

// No-break spaces shown as "_" so the expected strings say where they are.
const visible = (text: string) => text.replaceAll('\u00a0', '_');

describe('formatMoney', () => {
  it('groups thousands with no-break spaces and shows kopecks only when there are some', () => {
    expect(visible(formatMoney(0))).toBe('0_₽');
    expect(visible(formatMoney(980))).toBe('980_₽');
    expect(visible(formatMoney(1234))).toBe('1_234_₽');
    expect(visible(formatMoney(1234.5))).toBe('1_234,50_₽');
    expect(visible(formatMoney(1234.05))).toBe('1_234,05_₽');
    expect(visible(formatMoney(34560))).toBe('34_560_₽');
    expect(visible(formatMoney(1234567.891))).toBe('1_234_567,89_₽');
  });

  it('writes negative amounts (returns) with a typographic minus, and no "−0"', () => {
    expect(visible(formatMoney(-1618.75))).toBe('−1_618,75_₽');
    expect(visible(formatMoney(-0.001))).toBe('0_₽');
  });

  it('rounds to whole kopecks', () => {
    expect(visible(formatMoney(99.999))).toBe('100_₽');
    expect(visible(formatMoney(0.1 + 0.2))).toBe('0,30_₽');
  });

  it('rounds to whole rubles when asked, halves away from zero and still no "−0"', () => {
    const whole = { wholeRubles: true };
    expect(visible(formatMoney(1234.5, whole))).toBe('1_235_₽');
    expect(visible(formatMoney(1234.49, whole))).toBe('1_234_₽');
    expect(visible(formatMoney(1234567.891, whole))).toBe('1_234_568_₽');
    expect(visible(formatMoney(-1618.5, whole))).toBe('−1_619_₽');
    expect(visible(formatMoney(-0.4, whole))).toBe('0_₽');
    expect(visible(formatMoney(980, whole))).toBe('980_₽');
  });
});

describe('formatInteger and formatPercent', () => {
  it('formats counts and percentages the Russian way', () => {
    expect(visible(formatInteger(1833))).toBe('1_833');
    expect(visible(formatInteger(999))).toBe('999');
    expect(formatPercent(30)).toBe('30%');
    expect(formatPercent(7.5)).toBe('7,5%');
    expect(formatPercent(12.345)).toBe('12,35%');
  });
});
