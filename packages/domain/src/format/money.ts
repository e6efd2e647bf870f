/**
 * Russian number formatting for messages. A no-break space (U+00A0) separates thousands and
 * the ruble sign, so Telegram never wraps "1 234 ₽" across lines. It is written by hand rather
 * than with Intl so the output does not change with the ICU version of the Node build.
 */
export const NBSP = '\u00a0';
/** The typographic minus, as Russian texts write negative amounts. */
const MINUS = '\u2212';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, NBSP);
}

/** 1833 → "1 833" (no-break space). Whole numbers only; counts and pieces. */
export function formatInteger(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? MINUS : '';
  return sign + groupThousands(String(Math.abs(rounded)));
}

export interface MoneyOptions {
  /**
   * Round to whole rubles ("1 235 ₽"), halves away from zero: the dashboard's totals and
   * price columns, where kopecks would only widen every cell.
   */
  wholeRubles?: boolean;
}

/** Rubles to "1 234 ₽", "1 234,50 ₽", "−980 ₽": kopecks only when they are not zero. */
export function formatMoney(rubles: number, options: MoneyOptions = {}): string {
  const kopecks = options.wholeRubles ? Math.round(Math.abs(rubles)) * 100 : Math.round(Math.abs(rubles) * 100);
  const sign = rubles < 0 && kopecks > 0 ? MINUS : '';
  const whole = groupThousands(String(Math.floor(kopecks / 100)));
  const rest = kopecks % 100;
  const fraction = rest === 0 ? '' : ',' + String(rest).padStart(2, '0');
  return `${sign}${whole}${fraction}${NBSP}₽`;
}

/** 30 → "30%", 7.5 → "7,5%": at most two decimals, trailing zeros dropped. */
export function formatPercent(value: number): string {
  const text = String(Math.round(value * 100) / 100).replace('.', ',');
  return `${text}%`;
}
