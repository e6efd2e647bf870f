import { describe, expect, it } from 'vitest';
import { renderGroup, renderNotification, type NotificationEvent, type SaleEvent } from '@wb-assist/domain';
import { eventFingerprint } from './fingerprint.ts';
import { parseNotification } from './parse-notification.ts';

/** The soak reads back product messages; a key warning names no product. */
type ProductEvent = Exclude<NotificationEvent, { product: null }>;

// The soak finds events in Telegram by reading the bot's messages back; these tests render
// messages with the domain's own templates, so a template change that the reader no longer
// understands fails here rather than as "lost" events in a ten-minute soak.

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 11, minute));
const product = (vendorCode: string) => ({
  nmId: 100_001_000,
  vendorCode,
  name: 'Футболка · хлопок <оверсайз>',
  brand: 'Nike',
  size: 'L',
  photoUrl: 'https://basket-01.wbbasket.ru/vol1000/part100001/100001000/images/big/1.webp',
});

function sale(type: SaleEvent['type'], vendorCode: string, minute: number): SaleEvent {
  return {
    type,
    product: product(vendorCode),
    prices: { totalPrice: 2500, sellerDiscountPercent: 30, sellerPrice: 1750, sppPercent: 7, finalPrice: 1620 },
    route: { warehouseName: 'Коледино', regionName: 'Московская область' },
    occurredAt: at(minute),
    context: { count: 12, amount: 34_560 },
  } as SaleEvent;
}

const review = (vendorCode: string, minute: number, rating: number): ProductEvent => ({
  type: 'negative_review',
  reviewId: `review-${minute}`,
  product: product(vendorCode),
  rating,
  text: minute % 2 ? 'Ткань тонкая: села после стирки' : '',
  pros: '',
  cons: '',
  userName: 'Анна',
  occurredAt: at(minute),
  context: { count: 2 },
});

const stock = (vendorCode: string, remaining: number): ProductEvent => ({
  type: 'critical_stock',
  product: { ...product(vendorCode), size: null },
  threshold: 2,
  remaining,
  warehouses: [
    { warehouseName: 'Казань', regionName: 'Приволжский', quantity: remaining },
    { warehouseName: 'Тула', regionName: null, quantity: 0 },
  ],
  occurredAt: at(0),
  context: { criticalSizes: 3 },
});

const expected = (event: ProductEvent) =>
  eventFingerprint(event.type, event.product.vendorCode, {
    at: event.occurredAt,
    ...(event.type === 'negative_review' ? { stars: event.rating } : {}),
    ...(event.type === 'critical_stock' ? { remaining: event.remaining } : {}),
  });

const samples: ProductEvent[] = [
  sale('new_order', 'ФУТ-12-3', 1),
  sale('cancellation', 'ФУТ-12-3', 2),
  sale('buyout', 'ПЛА-7-1', 3),
  sale('return', 'ПЛА-7-1', 4),
  review('КРО-3-2', 5, 1),
  review('КРО-3-2', 6, 3),
  stock('ФУТ-12-3', 2),
  stock('ФУТ-12-3', 0),
];

describe('reading a notification back from Telegram', () => {
  it.each(samples.map((event) => [`${event.type} ${expected(event)}`, event] as const))(
    'finds the single event of a message: %s',
    (_name, event) => {
      for (const withPhoto of [true, false]) {
        const shown = { ...event, product: { ...event.product, photoUrl: withPhoto ? event.product.photoUrl : null } };
        const message = renderNotification(shown, { cabinetId: '5c2b7f0e-0000-4000-8000-000000000001' });
        expect(parseNotification(message.text)).toEqual({
          type: event.type,
          items: [expected(event)],
          hidden: 0,
          grouped: false,
        });
      }
    },
  );

  it('finds every event of a grouped message, of each type', () => {
    const bursts: ProductEvent[][] = [
      Array.from({ length: 7 }, (_, i) => sale('new_order', `ФУТ-12-${i}`, i)),
      Array.from({ length: 6 }, (_, i) => sale('return', 'ПЛА-7-1', i)),
      Array.from({ length: 6 }, (_, i) => review(`КРО-3-${i}`, i, 1 + (i % 3))),
      Array.from({ length: 6 }, (_, i) => stock(`ФУТ-12-${i}`, i % 3)),
    ];
    for (const burst of bursts) {
      const parsed = renderGroup(burst).map((message) => parseNotification(message.text)!);
      expect(parsed.every((p) => p.grouped && p.type === burst[0]!.type)).toBe(true);
      expect(parsed.flatMap((p) => p.items).sort()).toEqual(burst.map(expected).sort());
    }
  });

  it('counts the events a long burst only mentions', () => {
    const burst = Array.from({ length: 80 }, (_, i) => sale('buyout', `ПЛА-7-${i}`, i % 60));
    const parsed = renderGroup(burst).map((message) => parseNotification(message.text)!);
    const listed = parsed.flatMap((p) => p.items);
    const hidden = parsed.reduce((sum, p) => sum + p.hidden, 0);
    expect(listed.length + hidden).toBe(80);
    expect(listed.every((fingerprint) => burst.map(expected).includes(fingerprint))).toBe(true);
  });

  it('ignores what is not a notification', () => {
    expect(parseNotification('<b>Главное меню</b>\nВыберите раздел')).toBeNull();
    expect(parseNotification('Синхронизация: 45%')).toBeNull();
  });
});
