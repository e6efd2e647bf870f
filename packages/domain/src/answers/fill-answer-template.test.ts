import { describe, expect, it } from 'vitest';
import { fillAnswerTemplate } from './fill-answer-template.ts';

describe('fillAnswerTemplate', () => {
  it('fills the buyer name and the product', () => {
    expect(
      fillAnswerTemplate('Здравствуйте, {имя}! Спасибо за отзыв о «{товар}».', {
        buyerName: 'Анна',
        productName: 'Платье летнее',
      }),
    ).toBe('Здравствуйте, Анна! Спасибо за отзыв о «Платье летнее».');
  });

  it('says «покупатель» when WB gives no name, capitalised at the start of a sentence', () => {
    expect(fillAnswerTemplate('Здравствуйте, {имя}!', { buyerName: '  ' })).toBe('Здравствуйте, покупатель!');
    expect(fillAnswerTemplate('{имя}, спасибо!', {})).toBe('Покупатель, спасибо!');
  });

  it('drops an unknown product with the words that only framed it', () => {
    expect(fillAnswerTemplate('Спасибо за «{товар}»! Ждём вас снова.', { buyerName: 'Олег' })).toBe(
      'Спасибо! Ждём вас снова.',
    );
    expect(fillAnswerTemplate('Рады, что {товар} вам подошёл', {})).toBe('Рады, что вам подошёл');
  });

  it('accepts placeholders in any case and leaves other braces alone', () => {
    expect(fillAnswerTemplate('{ИМЯ}, код {A1}', { buyerName: 'Ира' })).toBe('Ира, код {A1}');
  });
});
