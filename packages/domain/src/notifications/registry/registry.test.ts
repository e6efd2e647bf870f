import { describe, expect, it } from 'vitest';
import { renderNotification } from '../render-notification.ts';
import { SAMPLE_PAYLOADS } from '../testing/payloads.ts';
import {
  NOTIFICATION_DEFINITIONS,
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  parsePayload,
  toNotificationEvent,
} from './index.ts';

const AT = new Date('2026-11-27T11:05:00Z');
const card = { title: 'Футболка', imageUrl: null, vendorCode: 'FT-001', brand: 'Nike' };

describe('the notification-type registry', () => {
  it('keys each entry by its own id', () => {
    for (const [key, definition] of Object.entries(NOTIFICATION_REGISTRY)) expect(definition.id).toBe(key);
    expect(NOTIFICATION_TYPES).toEqual(NOTIFICATION_DEFINITIONS.map((d) => d.id));
  });

  it('gives every type its own column, GraphQL names and labels', () => {
    const distinct = (pick: (d: (typeof NOTIFICATION_DEFINITIONS)[number]) => string) =>
      new Set(NOTIFICATION_DEFINITIONS.map(pick)).size;
    const count = NOTIFICATION_DEFINITIONS.length;
    expect(distinct((d) => d.setting.field)).toBe(count);
    expect(distinct((d) => d.setting.column)).toBe(count);
    expect(distinct((d) => d.graphql.toggle)).toBe(count);
    expect(distinct((d) => d.graphql.details)).toBe(count);
    expect(distinct((d) => d.labels.emoji)).toBe(count);
    expect(distinct((d) => d.labels.listName)).toBe(count);
  });

  it.each(NOTIFICATION_TYPES)('%s: a stored payload becomes an event its template renders', (type) => {
    const event = toNotificationEvent(type, SAMPLE_PAYLOADS[type], { occurredAt: AT, card, context: null });
    expect(event.type).toBe(type);
    const { labels } = NOTIFICATION_REGISTRY[type];
    if (event.product === null) {
      // A cabinet-wide notice (the key's health) names no product; its heading says what happened.
      expect(renderNotification(event).text).toMatch(/^\S+ <b>.+<\/b>\n/);
      return;
    }
    expect(event.product).toMatchObject({ nmId: 123456789, vendorCode: 'FT-001', name: 'Футболка' });
    expect(renderNotification(event).text).toContain(`${labels.emoji} <b>${labels.title}</b>`);
  });

  it('reads money as rubles and keeps the route', () => {
    const event = toNotificationEvent('return', SAMPLE_PAYLOADS.return, { occurredAt: AT, card: null });
    expect(event).toMatchObject({
      prices: {
        totalPrice: -2500,
        sellerDiscountPercent: 30,
        sellerPrice: -1750,
        sppPercent: 7.5,
        finalPrice: -1618.75,
      },
      route: { warehouseName: 'Коледино', regionName: 'Московская область' },
      product: { vendorCode: 'FT-001', name: 'Футболки', brand: 'Nike', size: 'L', photoUrl: null },
    });
  });

  it('reads a v1 payload stored before v2 as it is', () => {
    expect(parsePayload('buyout', { ...SAMPLE_PAYLOADS.buyout, v: 1 })).toMatchObject({ v: 1, saleId: 'S1' });
  });

  it('renders an order only the feed has reported: the seller’s price, no zeros, no absent lines', () => {
    const feed = {
      v: 2,
      source: 'feed',
      nmId: 123456789,
      srid: 'srid-feed',
      supplierArticle: null,
      brand: null,
      subject: null,
      category: null,
      techSize: 'L',
      barcode: null,
      warehouseName: 'Коледино',
      warehouseType: null,
      regionName: null,
      oblastOkrugName: 'Центральный',
      countryName: null,
      destinationCity: 'Тверь',
      totalPrice: null,
      discountPercent: null,
      spp: null,
      finishedPrice: null,
      priceWithDisc: null,
      sellerPrice: '1750.00',
      gNumber: null,
      orderDate: '2026-11-27T11:05:00.000Z',
      isCancel: false,
      cancelDate: null,
    };
    const event = toNotificationEvent('new_order', feed, { occurredAt: AT, card, context: null });
    expect(event).toMatchObject({
      prices: { sellerPrice: 1750, totalPrice: null, finalPrice: null, sppPercent: null },
      route: { regionName: 'Тверь' },
    });
    const text = renderNotification(event).text;
    expect(text).toContain('Цена продавца: <b>1');
    expect(text).toContain('Склад: Коледино → Тверь');
    expect(text).toContain('Размер: L');
    expect(text).not.toMatch(/Скидки|\b0\s?₽/);
    const bare = toNotificationEvent(
      'buyout',
      {
        ...feed,
        warehouseName: null,
        sellerPrice: null,
        saleId: null,
        saleDate: feed.orderDate,
        forPay: null,
        paymentSaleAmount: null,
      },
      { occurredAt: AT, card, context: null },
    );
    const lines = renderNotification(bare).text;
    expect(lines).not.toMatch(/Цена|Склад|₽/);
  });

  it('refuses a payload in the old raw-row shape instead of guessing', () => {
    expect(() => parsePayload('new_order', { srid: 's', nm_id: 1, finished_price: '10.00' })).toThrow();
  });

  it('drops fields the schema does not know (the upsert’s inserted/changed flags)', () => {
    const parsed = parsePayload('new_order', { ...SAMPLE_PAYLOADS.new_order, inserted: true, changed: false });
    expect(parsed).not.toHaveProperty('inserted');
    expect(parsed).not.toHaveProperty('changed');
  });
});
