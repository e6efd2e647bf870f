import { describe, expect, it } from 'vitest';
import { renderGroup, renderNotification, toNotificationEvent, type SaleEvent } from '@wb-assist/domain';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';
import { compareDeliveries } from './compare-deliveries.ts';
import { deliveryKey, outboxKey, type ExpectedEvent } from './expected-event.ts';
import { eventFingerprint } from './fingerprint.ts';

// The soak's verdict comes from this comparison; these cases pin down what counts as lost,
// duplicated and unexpected, with messages as the bot renders them.

const minute = (m: number) => new Date(Date.UTC(2026, 10, 27, 11, m));

function order(vendorCode: string, m: number): SaleEvent {
  return {
    type: 'new_order',
    product: { nmId: 1, vendorCode, name: 'Футболка', brand: null, size: null, photoUrl: null },
    prices: { totalPrice: 1000, sellerDiscountPercent: 0, sellerPrice: 1000, sppPercent: 0, finalPrice: 1000 },
    route: { warehouseName: 'Коледино', regionName: null },
    occurredAt: minute(m),
  } as SaleEvent;
}

const expected = (vendorCode: string, m: number, chatIds: number[]): ExpectedEvent => ({
  sid: 'shop',
  cabinetId: 'cabinet',
  chatIds,
  type: 'new_order',
  identity: `${vendorCode}-${m}`,
  fingerprint: eventFingerprint('new_order', vendorCode, { at: minute(m) }),
  visibleAt: minute(m).getTime(),
});

const single = (vendorCode: string, m: number, chatId: number, delayMs = 1_000) => ({
  chatId,
  at: minute(m).getTime() + delayMs,
  text: renderNotification(order(vendorCode, m)).text,
});

describe('comparing what was owed with what Telegram got', () => {
  it('finds every delivery once, per chat, with its latency', () => {
    const events = [expected('A-1', 1, [10, 20]), expected('A-2', 2, [10])];
    const result = compareDeliveries(events, [single('A-1', 1, 10), single('A-1', 1, 20, 3_000), single('A-2', 2, 10)]);
    expect(result).toMatchObject({ expected: 3, delivered: 3, lost: [], duplicated: [], unexpected: [] });
    expect(result.latenciesMs.sort()).toEqual([1_000, 1_000, 3_000]);
  });

  it('tells a lost delivery from a duplicated and an unexpected one', () => {
    const events = [expected('A-1', 1, [10, 20]), expected('A-2', 2, [10])];
    const result = compareDeliveries(events, [
      single('A-1', 1, 10),
      single('A-1', 1, 10, 5_000),
      single('A-2', 2, 10),
      single('A-3', 3, 10),
    ]);
    expect(result.lost.map((l) => [l.event.identity, l.chatId])).toEqual([['A-1-1', 20]]);
    expect(result.duplicated).toEqual([{ chatId: 10, fingerprint: events[0]!.fingerprint, extra: 1 }]);
    expect(result.unexpected.map((u) => u.count)).toEqual([1]);
  });

  it('takes a derived alert once without owing it, and a second copy as a duplicate', () => {
    const anomaly = {
      chatId: 10,
      at: minute(30).getTime(),
      text: renderNotification(
        toNotificationEvent('anomaly', SAMPLE_PAYLOADS.anomaly, { occurredAt: minute(30), card: null }),
      ).text,
    };
    const events = [expected('A-1', 1, [10])];
    const once = compareDeliveries(events, [single('A-1', 1, 10), anomaly]);
    expect(once).toMatchObject({ delivered: 1, derived: 1, lost: [], duplicated: [], unexpected: [] });
    const twice = compareDeliveries(events, [single('A-1', 1, 10), anomaly, anomaly]);
    expect(twice.duplicated).toEqual([{ chatId: 10, fingerprint: expect.stringMatching(/^anomaly\|/), extra: 1 }]);
  });

  it('counts the events of a grouped message, listed or only counted', () => {
    const orders = Array.from({ length: 60 }, (_, i) => order(`B-${i}`, i % 60));
    const events = orders.map((o, i) => expected(`B-${i}`, i % 60, [10]));
    const inbox = renderGroup(orders).map((message) => ({ chatId: 10, at: minute(59).getTime(), text: message.text }));
    const result = compareDeliveries(events, inbox);
    expect(result.delivered + result.countedOnly).toBe(60);
    expect(result.countedOnly).toBe(10);
    expect(result).toMatchObject({ lost: [], duplicated: [], unexpected: [] });
    expect(result.messages.grouped).toBe(inbox.length);
  });

  it('puts a second message down to doubt only for the chat and event the bot marked in doubt', () => {
    const events = [expected('A-1', 1, [10, 20]), expected('A-1', 1, [10])];
    const twice = [single('A-1', 1, 10), single('A-1', 1, 10), single('A-1', 1, 10, 2_000)];
    const inbox = [...twice, single('A-1', 1, 20), single('A-1', 1, 20, 4_000)];
    const result = compareDeliveries(events, inbox, new Set([deliveryKey(10, outboxKey(events[1]!))]));
    expect(result.resentInDoubt).toEqual([{ chatId: 10, fingerprint: events[0]!.fingerprint, extra: 1 }]);
    // Chat 20's second copy was never in doubt: it stays a duplicate.
    expect(result.duplicated).toEqual([{ chatId: 20, fingerprint: events[0]!.fingerprint, extra: 1 }]);
  });

  it('lets a resent group’s counted events be in doubt, as many as the group holds', () => {
    const orders = Array.from({ length: 60 }, (_, i) => order(`B-${i}`, i % 60));
    const events = orders.map((o, i) => expected(`B-${i}`, i % 60, [10]));
    const group = renderGroup(orders).map((message) => ({ chatId: 10, at: minute(59).getTime(), text: message.text }));
    const doubted = new Set(events.map((event) => deliveryKey(10, outboxKey(event))));
    const result = compareDeliveries(events, [...group, ...group], doubted);
    expect(result).toMatchObject({ lost: [], duplicated: [], unexpected: [] });
    expect(result.resentInDoubt.reduce((n, d) => n + d.extra, 0)).toBe(60);
    // Without the mark, the same inbox is 60 duplicates.
    const unmarked = compareDeliveries(events, [...group, ...group]);
    expect(unmarked.duplicated.reduce((n, d) => n + d.extra, 0)).toBe(60);
  });
});
