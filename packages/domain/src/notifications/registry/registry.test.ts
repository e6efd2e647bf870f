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
    expect(event.product).toMatchObject({ nmId: 123456789, vendorCode: 'FT-001', name: 'Футболка' });
    const { labels } = NOTIFICATION_REGISTRY[type];
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

  it('refuses a payload in the old raw-row shape instead of guessing', () => {
    expect(() => parsePayload('new_order', { srid: 's', nm_id: 1, finished_price: '10.00' })).toThrow();
  });

  it('drops fields the schema does not know (the upsert’s inserted/changed flags)', () => {
    const parsed = parsePayload('new_order', { ...SAMPLE_PAYLOADS.new_order, inserted: true, changed: false });
    expect(parsed).not.toHaveProperty('inserted');
    expect(parsed).not.toHaveProperty('changed');
  });
});
