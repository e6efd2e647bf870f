import { describe, expect, it } from 'vitest';
import { renderNotification } from './render-notification.ts';
import { ANSWER_LINE_ROOM, CAPTION_LIMIT, MESSAGE_LIMIT } from './telegram-limits.ts';
import {
  AT,
  CRITICAL_STOCK,
  NEGATIVE_REVIEW,
  NEW_ORDER,
  NEW_QUESTION,
  PRODUCT,
  saleOf,
  visible,
} from './testing/fixtures.ts';

const photoUrl = PRODUCT.photoUrl;

describe('renderNotification: one template per type', () => {
  it('new order', () => {
    const message = renderNotification(NEW_ORDER);
    expect(visible(message.text)).toBe(
      [
        '🛒 <b>Новый заказ</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Цена продавца: <b>1_750_₽</b> (скидка 30% от 2_500_₽)',
        'Покупатель заплатил: 1_618,75_₽ (СПП 7,5%)',
        'Склад: Коледино → Московская область',
        '27.11 14:05 МСК',
        '',
        'Сегодня: 12_заказов на 34_560_₽',
      ].join('\n'),
    );
    expect(message.photoUrl).toBe(photoUrl);
    expect(message.parseMode).toBe('HTML');
    expect(message.buttons).toEqual([
      [
        { text: 'Открыть на WB', url: 'https://www.wildberries.ru/catalog/123456789/detail.aspx' },
        { text: 'Не присылать такие', callbackData: 'mute:new_order' },
      ],
    ]);
  });

  it('buyout, while WB still reports the prices after discounts as 0 and the warehouse is masked', () => {
    const event = saleOf('buyout', {
      prices: { totalPrice: 1000, sellerDiscountPercent: 0, sellerPrice: 0, sppPercent: 0, finalPrice: 0 },
      route: { warehouseName: 'Склад WB', regionName: null },
      context: { count: 5, amount: 12300 },
    });
    expect(visible(renderNotification(event).text)).toBe(
      [
        '💰 <b>Выкуп</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Цена до скидок: <b>1_000_₽</b>',
        'Склад: Склад WB',
        '27.11 14:05 МСК',
        '',
        'Сегодня: 5_выкупов на 12_300_₽',
      ].join('\n'),
    );
  });

  it('cancellation of a one-size product without a card, without context', () => {
    const event = saleOf('cancellation', {
      product: { ...PRODUCT, name: null, brand: null, size: '0', photoUrl: null },
      context: null,
    });
    const message = renderNotification(event);
    expect(visible(message.text)).toBe(
      [
        '❌ <b>Отмена заказа</b>',
        '<b>Без названия</b>',
        'Артикул: FT-001 (WB 123456789)',
        'Цена продавца: <b>1_750_₽</b> (скидка 30% от 2_500_₽)',
        'Покупатель заплатил: 1_618,75_₽ (СПП 7,5%)',
        'Склад: Коледино → Московская область',
        '27.11 14:05 МСК',
      ].join('\n'),
    );
    expect(message.photoUrl).toBeNull();
    expect(message.buttons[0]?.[1]?.callbackData).toBe('mute:cancellation');
  });

  it('return, with the negative amounts WB sends, in Yekaterinburg time', () => {
    const event = saleOf('return', {
      prices: { totalPrice: -2500, sellerDiscountPercent: 30, sellerPrice: -1750, sppPercent: 0, finalPrice: -1750 },
      context: { count: 2, amount: -3000 },
    });
    expect(visible(renderNotification(event, { timeZone: 'Asia/Yekaterinburg' }).text)).toBe(
      [
        '↩️ <b>Возврат</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Цена продавца: <b>−1_750_₽</b> (скидка 30% от −2_500_₽)',
        'Покупатель заплатил: −1_750_₽',
        'Склад: Коледино → Московская область',
        '27.11 16:05 UTC+5',
        '',
        'Сегодня: 2_возврата на 3_000_₽',
      ].join('\n'),
    );
  });

  it('new order from the real-time feed: only the seller’s price is known, nothing shown as 0', () => {
    const event = saleOf('new_order', {
      prices: { totalPrice: null, sellerDiscountPercent: null, sellerPrice: 1750, sppPercent: null, finalPrice: null },
    });
    const lines = visible(renderNotification(event).text).split('\n');
    expect(lines.filter((line) => line.includes('₽'))).toEqual([
      'Цена продавца: <b>1_750_₽</b>',
      'Сегодня: 12_заказов на 34_560_₽',
    ]);
  });

  it('names every price: no line has two amounts without their own label', () => {
    for (const type of ['new_order', 'buyout', 'cancellation', 'return'] as const) {
      const lines = renderNotification(saleOf(type)).text.split('\n');
      for (const line of lines.filter((l) => (l.match(/₽/g) ?? []).length > 1)) {
        // A second amount is only ever the list price the seller's discount is taken from.
        expect(line).toMatch(/^(Цена продавца|Сегодня): .*(скидка \d+% от |на )[^₽]*₽\)?$/);
      }
    }
  });

  it('names the day of the figures when they are not today’s', () => {
    const event = saleOf('new_order', { context: { count: 40, amount: 98000, day: '2026-11-27' } });
    expect(visible(renderNotification(event).text).split('\n').at(-1)).toBe('За 27.11: 40_заказов на 98_000_₽');
  });

  it('negative review', () => {
    const message = renderNotification(NEGATIVE_REVIEW);
    expect(visible(message.text)).toBe(
      [
        '👎 <b>Негативный отзыв</b> ★★☆☆☆',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Покупатель: Анна',
        '«Ткань тонкая, после первой стирки села на размер.»',
        'Достоинства: Цвет как на фото',
        'Недостатки: Качество',
        '27.11 14:05 МСК',
        '',
        'Сегодня: 2_негативных отзыва',
      ].join('\n'),
    );
    expect(message.buttons).toEqual([
      [
        { text: 'Открыть на WB', url: 'https://www.wildberries.ru/catalog/123456789/detail.aspx' },
        { text: 'Ответить', callbackData: 'ans:r:n5um6IUBQOOSTxXoo0gV' },
      ],
      [{ text: 'Не присылать такие', callbackData: 'mute:negative_review' }],
    ]);
  });

  it('negative review with a rating only', () => {
    const event = { ...NEGATIVE_REVIEW, rating: 1, text: ' ', pros: '', cons: '', userName: null, context: null };
    expect(renderNotification(event).text).toBe(
      [
        '👎 <b>Негативный отзыв</b> ★☆☆☆☆',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Без текста, только оценка.',
        '27.11 14:05 МСК',
      ].join('\n'),
    );
  });

  it("new buyer question: product, the question and its time in the user's zone", () => {
    const message = renderNotification(NEW_QUESTION, { timeZone: 'Asia/Yekaterinburg' });
    expect(visible(message.text)).toBe(
      [
        '❓ <b>Вопрос покупателя</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        '«Какой рост у модели на фото? Подойдёт ли L на 182 см?»',
        '27.11 16:05 UTC+5',
        '',
        'Сегодня: 3_вопроса покупателей',
      ].join('\n'),
    );
    expect(message.photoUrl).toBe(photoUrl);
    expect(message.buttons.flat().map((button) => button.callbackData ?? button.url)).toEqual([
      'https://www.wildberries.ru/catalog/123456789/detail.aspx',
      'ans:q:2ncBtX4B9I0UHoornoqG',
      'mute:new_question',
    ]);
  });

  it('new buyer question without text says so and escapes HTML', () => {
    expect(renderNotification({ ...NEW_QUESTION, text: '  ', context: null }).text.split('\n')).toContain(
      'Без текста.',
    );
    expect(renderNotification({ ...NEW_QUESTION, text: 'a <b> & c' }).text).toContain('«a &lt;b&gt; &amp; c»');
  });

  it('critical stock lists where the remaining units are, skipping empty warehouses', () => {
    const message = renderNotification(CRITICAL_STOCK);
    expect(visible(message.text)).toBe(
      [
        '📦 <b>Критический остаток</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Осталось: <b>2_шт.</b> (порог 2_шт.)',
        'Где остались:',
        '• Казань (Приволжский): 1_шт.',
        '• Коледино (Центральный): 1_шт.',
        '27.11 14:05 МСК',
        '',
        'Всего на критическом остатке: 7_позиций',
      ].join('\n'),
    );
    expect(message.buttons[0]?.[1]?.callbackData).toBe('mute:critical_stock');
  });

  it('critical stock at zero says the product has run out', () => {
    const event = { ...CRITICAL_STOCK, remaining: 0, warehouses: [], context: null };
    expect(visible(renderNotification(event).text)).toBe(
      [
        '📦 <b>Критический остаток</b>',
        '<b>Футболка мужская хлопковая</b> · Nike',
        'Артикул: FT-001 (WB 123456789)',
        'Размер: L',
        'Осталось: <b>0_шт.</b>, товар закончился',
        '27.11 14:05 МСК',
      ].join('\n'),
    );
  });

  it('critical stock summarises a long warehouse list after ten entries', () => {
    const warehouses = Array.from({ length: 14 }, (_, i) => ({
      warehouseName: `Склад ${String(i + 1).padStart(2, '0')}`,
      regionName: null,
      quantity: 1,
    }));
    const event = { ...CRITICAL_STOCK, remaining: 14, threshold: 15, warehouses, context: null };
    const lines = visible(renderNotification(event).text).split('\n');
    expect(lines.slice(5, 17)).toEqual([
      'Где остались:',
      '• Склад 01: 1_шт.',
      '• Склад 02: 1_шт.',
      '• Склад 03: 1_шт.',
      '• Склад 04: 1_шт.',
      '• Склад 05: 1_шт.',
      '• Склад 06: 1_шт.',
      '• Склад 07: 1_шт.',
      '• Склад 08: 1_шт.',
      '• Склад 09: 1_шт.',
      '• Склад 10: 1_шт.',
      '…и ещё 4_склада: 4_шт.',
    ]);
  });
});

describe('renderNotification: HTML escaping', () => {
  it('escapes <, > and & in every WB- and buyer-provided string', () => {
    const event = {
      ...NEGATIVE_REVIEW,
      product: { ...PRODUCT, name: '<b>Футболка</b>', brand: 'Tom & Jerry', vendorCode: 'A<1>', size: '<L>' },
      userName: '<script>',
      text: 'плохо <i>очень</i> & всё',
      pros: 'a>b',
      cons: 'a<b',
      context: null,
    };
    expect(renderNotification(event).text).toBe(
      [
        '👎 <b>Негативный отзыв</b> ★★☆☆☆',
        '<b>&lt;b&gt;Футболка&lt;/b&gt;</b> · Tom &amp; Jerry',
        'Артикул: A&lt;1&gt; (WB 123456789)',
        'Размер: &lt;L&gt;',
        'Покупатель: &lt;script&gt;',
        '«плохо &lt;i&gt;очень&lt;/i&gt; &amp; всё»',
        'Достоинства: a&gt;b',
        'Недостатки: a&lt;b',
        '27.11 14:05 МСК',
      ].join('\n'),
    );
  });

  it('escapes warehouse and region names', () => {
    const event = saleOf('new_order', {
      route: { warehouseName: 'Склад <A&B>', regionName: 'Регион <1>' },
      context: null,
    });
    expect(renderNotification(event).text).toContain('Склад: Склад &lt;A&amp;B&gt; → Регион &lt;1&gt;');
  });
});

describe('renderNotification: Telegram limits', () => {
  const longText = 'Очень плохо, не советую. '.repeat(200);
  // A review leaves room for the line the bot adds once it is answered.
  const REVIEW_CAPTION = CAPTION_LIMIT - ANSWER_LINE_ROOM;

  it('keeps a photo caption within 1024 characters: drops the context, then cuts the review text', () => {
    const message = renderNotification({ ...NEGATIVE_REVIEW, text: longText });
    expect(message.photoUrl).toBe(photoUrl);
    expect(message.text.length).toBeLessThanOrEqual(REVIEW_CAPTION);
    expect(message.text.length).toBeGreaterThan(REVIEW_CAPTION - 40);
    expect(message.text).not.toContain('Сегодня');
    expect(message.text).toMatch(/«Очень плохо, не советую\. .*…»\n/);
    // What matters most to the seller survives the cut.
    expect(message.text).toContain('Недостатки: Качество');
    expect(message.text.endsWith('27.11 14:05 МСК')).toBe(true);
  });

  it('drops only the context line when that is enough', () => {
    // Exactly the caption limit once the context line is gone: the review line adds "\n«" and "»".
    const bare = renderNotification({ ...NEGATIVE_REVIEW, context: null, text: '' }).text.length;
    const text = 'x'.repeat(REVIEW_CAPTION - bare - 3);
    const message = renderNotification({ ...NEGATIVE_REVIEW, text });
    expect(message.text).toContain(`«${text}»`);
    expect(message.text).not.toContain('Сегодня');
    expect(message.text.length).toBe(REVIEW_CAPTION);
  });

  it('counts the escaped length, so "&" repeated does not overflow', () => {
    const message = renderNotification({ ...NEGATIVE_REVIEW, text: '&'.repeat(900) });
    expect(message.text.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(message.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('keeps a message without a photo within 4096 characters', () => {
    const event = { ...NEGATIVE_REVIEW, product: { ...PRODUCT, photoUrl: null }, text: longText.repeat(2) };
    const message = renderNotification(event);
    expect(message.photoUrl).toBeNull();
    expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT - ANSWER_LINE_ROOM);
    expect(message.text.length).toBeGreaterThan(MESSAGE_LIMIT - ANSWER_LINE_ROOM - 40);
  });

  it('fits a caption even when every WB string is huge', () => {
    const huge = 'Ж'.repeat(5000);
    const event = {
      ...CRITICAL_STOCK,
      product: { ...PRODUCT, name: huge, brand: huge, vendorCode: huge, size: huge },
      warehouses: Array.from({ length: 200 }, () => ({ warehouseName: huge, regionName: huge, quantity: 1 })),
    };
    const message = renderNotification(event);
    expect(message.photoUrl).toBe(photoUrl);
    expect(message.text.length).toBeLessThanOrEqual(CAPTION_LIMIT);
    expect(message.text).toContain('Осталось: <b>2\u00a0шт.</b>');
  });

  it('formats the time in the given zone', () => {
    const event = { ...NEW_ORDER, occurredAt: new Date(AT.getTime() + 12 * 3600_000) };
    expect(renderNotification(event, { timeZone: 'Asia/Vladivostok' }).text).toContain('\n28.11 09:05 UTC+10\n');
  });
});
