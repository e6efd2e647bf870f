import { formatInteger, NBSP } from './money.ts';

/** The three Russian forms: for 1 (заказ), for 2–4 (заказа), for 5–20 and 0 (заказов). */
export type PluralForms = readonly [one: string, few: string, many: string];

/** Picks the form Russian grammar requires after the number: 1, 21 заказ; 2, 22 заказа; 11 заказов. */
export function pluralRu(count: number, forms: PluralForms): string {
  const n = Math.abs(Math.trunc(count));
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** 1833 → "1 833 позиции": the number and its noun, joined by a no-break space. */
export function countNoun(count: number, forms: PluralForms): string {
  return `${formatInteger(count)}${NBSP}${pluralRu(count, forms)}`;
}
