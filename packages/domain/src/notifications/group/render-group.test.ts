import { describe, expect, it } from 'vitest';
import type { CriticalStockEvent, NewOrderEvent } from '../events.ts';
import { MESSAGE_LIMIT } from '../telegram-limits.ts';
import { AT, CRITICAL_STOCK, NEGATIVE_REVIEW, NEW_ORDER, PRODUCT, visible } from '../testing/fixtures.ts';
import { GROUP_ITEM_CAP, GROUP_MESSAGE_CAP, renderGroup } from './render-group.ts';

const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

function orders(count: number, changes: Partial<NewOrderEvent> = {}): NewOrderEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    ...NEW_ORDER,
    product: { ...PRODUCT, vendorCode: `FT-${String(i + 1).padStart(3, '0')}` },
    prices: { ...NEW_ORDER.prices, finalPrice: 1000 + i },
    occurredAt: minutes(i),
    ...changes,
  }));
}

describe('renderGroup', () => {
  it('turns a burst of orders into one message with the count, the sum and one line each', () => {
    const events = orders(6).reverse();
    const messages = renderGroup(events, { cabinetId: 'c1' });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(visible(message?.text ?? '')).toBe(
      [
        '🛒 <b>6_новых заказов на 6_015_₽</b>',
        'Сегодня: 12_заказов на 34_560_₽',
        '',
        '• 27.11 14:05 МСК · <b>Футболка мужская хлопковая</b> · FT-001 · L · 1_000_₽ · Коледино → Московская область',
        '• 27.11 14:06 МСК · <b>Футболка мужская хлопковая</b> · FT-002 · L · 1_001_₽ · Коледино → Московская область',
        '• 27.11 14:07 МСК · <b>Футболка мужская хлопковая</b> · FT-003 · L · 1_002_₽ · Коледино → Московская область',
        '• 27.11 14:08 МСК · <b>Футболка мужская хлопковая</b> · FT-004 · L · 1_003_₽ · Коледино → Московская область',
        '• 27.11 14:09 МСК · <b>Футболка мужская хлопковая</b> · FT-005 · L · 1_004_₽ · Коледино → Московская область',
        '• 27.11 14:10 МСК · <b>Футболка мужская хлопковая</b> · FT-006 · L · 1_005_₽ · Коледино → Московская область',
      ].join('\n'),
    );
    expect(message?.photoUrl).toBeNull();
    expect(message?.parseMode).toBe('HTML');
    expect(message?.buttons).toEqual([[{ text: 'Не присылать такие', callbackData: 'mute:new_order:c1' }]]);
  });

  it('sums returns as a size and takes the context of the latest event', () => {
    const events = orders(7).map((e, i) => ({
      ...e,
      type: 'return' as const,
      prices: { ...NEW_ORDER.prices, finalPrice: -500 },
      context: { count: i + 1, amount: -500 * (i + 1) },
    }));
    const [message] = renderGroup(events, { timeZone: 'Asia/Yekaterinburg' });
    const lines = visible(message?.text ?? '').split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '↩️ <b>7_возвратов на 3_500_₽</b>',
      'Сегодня: 7_возвратов на 3_500_₽',
      '',
      '• 27.11 16:05 UTC+5 · <b>Футболка мужская хлопковая</b> · FT-001 · L · −500_₽ · Коледино → Московская область',
    ]);
  });

  it('groups negative reviews with a quote of each, cut short', () => {
    const events = [
      { ...NEGATIVE_REVIEW, occurredAt: minutes(1), context: { count: 3 } },
      { ...NEGATIVE_REVIEW, rating: 1, text: '', cons: 'Брак', occurredAt: minutes(2), context: { count: 4 } },
      { ...NEGATIVE_REVIEW, rating: 3, text: 'Не то. '.repeat(30), occurredAt: minutes(3), context: { count: 5 } },
      { ...NEGATIVE_REVIEW, text: '', pros: '', cons: '', occurredAt: minutes(4), context: { count: 6 } },
    ];
    expect(renderGroup(events)[0]?.text).toBe(
      [
        '👎 <b>4\u00a0негативных отзыва</b>',
        'Сегодня: 6\u00a0негативных отзывов',
        '',
        '• 27.11 14:06 МСК · ★★☆☆☆ · <b>Футболка мужская хлопковая</b> · FT-001 · L: «Ткань тонкая, после первой стирки села на размер.»',
        '• 27.11 14:07 МСК · ★☆☆☆☆ · <b>Футболка мужская хлопковая</b> · FT-001 · L: «Брак»',
        `• 27.11 14:08 МСК · ★★★☆☆ · <b>Футболка мужская хлопковая</b> · FT-001 · L: «${'Не то. '.repeat(13)}Не то.…»`,
        '• 27.11 14:09 МСК · ★★☆☆☆ · <b>Футболка мужская хлопковая</b> · FT-001 · L',
      ].join('\n'),
    );
  });

  it('groups critical stock, emptiest first, listing where the units are', () => {
    const events: CriticalStockEvent[] = [
      { ...CRITICAL_STOCK, context: { criticalSizes: 9 } },
      {
        ...CRITICAL_STOCK,
        product: { ...PRODUCT, vendorCode: 'FT-002', size: 'XL', name: 'Худи <oversize>' },
        remaining: 0,
        warehouses: [],
        context: { criticalSizes: 9 },
      },
      {
        ...CRITICAL_STOCK,
        product: { ...PRODUCT, vendorCode: 'FT-003', size: null },
        remaining: 5,
        threshold: 5,
        warehouses: ['Коледино', 'Казань', 'Тула', 'Электросталь', 'Краснодар'].map((warehouseName) => ({
          warehouseName,
          regionName: null,
          quantity: 1,
        })),
        context: { criticalSizes: 9 },
      },
    ];
    expect(visible(renderGroup(events)[0]?.text ?? '')).toBe(
      [
        '📦 <b>Критический остаток: 3_позиции</b>',
        '27.11 14:05 МСК',
        'Всего на критическом остатке: 9_позиций',
        '',
        '• <b>Худи &lt;oversize&gt;</b> · FT-002 · XL: <b>0_шт.</b>, закончился',
        '• <b>Футболка мужская хлопковая</b> · FT-001 · L: <b>2_шт.</b> (Казань 1, Коледино 1)',
        '• <b>Футболка мужская хлопковая</b> · FT-003: <b>5_шт.</b> (Казань 1, Коледино 1, Краснодар 1, ещё 2_склада)',
      ].join('\n'),
    );
  });

  it('caps 1,833 stock items: every message within 4096, no more than the cap, the rest counted', () => {
    const events: CriticalStockEvent[] = Array.from({ length: 1833 }, (_, i) => ({
      ...CRITICAL_STOCK,
      product: { ...PRODUCT, nmId: 100000 + i, vendorCode: `ART-${i}` },
      remaining: 1,
      warehouses: [{ warehouseName: 'Коледино', regionName: 'Центральный', quantity: 1 }],
    }));
    const messages = renderGroup(events);
    expect(messages.length).toBeLessThanOrEqual(GROUP_MESSAGE_CAP);
    for (const message of messages) expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const listed = messages.flatMap((m) => m.text.split('\n')).filter((line) => line.startsWith('• '));
    expect(listed).toHaveLength(50);
    expect(GROUP_ITEM_CAP).toBe(50);
    expect(visible(messages[0]?.text.split('\n')[0] ?? '')).toBe('📦 <b>Критический остаток: 1_833_позиции</b>');
    expect(visible(messages.at(-1)?.text.split('\n').at(-1) ?? '')).toBe('…и ещё 1_783_позиции');
  });

  it('splits at item boundaries and stops at the message cap when every line is as long as it gets', () => {
    // "&" grows fivefold when escaped: the longest line a WB string can make.
    const huge = '&'.repeat(500);
    const events = orders(60, {
      product: { ...PRODUCT, name: huge, brand: huge, vendorCode: huge, size: huge },
      route: { warehouseName: huge, regionName: huge },
    });
    const messages = renderGroup(events);
    expect(messages).toHaveLength(GROUP_MESSAGE_CAP);
    for (const message of messages) {
      expect(message.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      for (const line of message.text.split('\n').slice(2)) {
        expect(line === '' || line.startsWith('• ') || line.startsWith('…и ещё')).toBe(true);
      }
    }
    expect(messages[1]?.text.startsWith('🛒 <b>Новые заказы, продолжение</b>\n\n• ')).toBe(true);
    const listed = messages.flatMap((m) => m.text.split('\n')).filter((line) => line.startsWith('• ')).length;
    expect(listed).toBeLessThan(GROUP_ITEM_CAP);
    expect(messages.at(-1)?.text.endsWith(`…и ещё ${60 - listed}\u00a0заказов`)).toBe(true);
    expect(messages.map((m) => m.buttons.length)).toEqual([0, 0, 1]);
  });

  it('renders nothing for no events and refuses mixed types', () => {
    expect(renderGroup([])).toEqual([]);
    expect(() => renderGroup([NEW_ORDER, NEGATIVE_REVIEW])).toThrow('one type');
  });
});
