import { describe, expect, it } from 'vitest';
import { countNoun, pluralRu, type PluralForms } from './plural.ts';

const orders: PluralForms = ['заказ', 'заказа', 'заказов'];

describe('pluralRu', () => {
  it.each([
    [0, 'заказов'],
    [1, 'заказ'],
    [2, 'заказа'],
    [4, 'заказа'],
    [5, 'заказов'],
    [11, 'заказов'],
    [12, 'заказов'],
    [14, 'заказов'],
    [21, 'заказ'],
    [22, 'заказа'],
    [25, 'заказов'],
    [101, 'заказ'],
    [111, 'заказов'],
    [1812, 'заказов'],
    [1833, 'заказа'],
    [-1, 'заказ'],
  ])('%i → %s', (count, form) => {
    expect(pluralRu(count, orders)).toBe(form);
  });
});

describe('countNoun', () => {
  it('joins the formatted number and its noun with no-break spaces', () => {
    expect(countNoun(1812, ['позиция', 'позиции', 'позиций'])).toBe('1\u00a0812\u00a0позиций');
    expect(countNoun(21, orders)).toBe('21\u00a0заказ');
  });
});
