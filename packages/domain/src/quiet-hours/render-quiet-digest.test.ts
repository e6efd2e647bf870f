import { describe, expect, it } from 'vitest';
import { toNotificationEvent, type NotificationType } from '../notifications/registry/index.ts';
import { SAMPLE_PAYLOADS } from '../notifications/testing/payloads.ts';
import { MESSAGE_LIMIT } from '../notifications/telegram-limits.ts';
import { renderQuietDigest } from './render-quiet-digest.ts';

const at = new Date('2026-12-07T22:00:00Z');
const event = (type: NotificationType, minutes: number) =>
  toNotificationEvent(type, SAMPLE_PAYLOADS[type], {
    occurredAt: new Date(at.getTime() + minutes * 60_000),
    card: null,
    context: null,
  });

describe('renderQuietDigest', () => {
  it('counts every held event and groups them by type', () => {
    const held = [
      ...Array.from({ length: 5 }, (_, n) => event('new_order', n)),
      event('cancellation', 10),
      event('negative_review', 20),
    ];
    const digest = renderQuietDigest(held, { timeZone: 'Europe/Moscow', start: 23 * 60, end: 8 * 60 });
    expect(digest.text).toContain('За это время: 7\u00a0уведомлений.');
    expect(digest.text).toContain('…и ещё 2\u00a0заказа');
    expect(digest.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it('stays one message when the example lines would not fit', () => {
    const held = Array.from({ length: 3_000 }, (_, n) => event(n % 2 ? 'new_order' : 'buyout', n));
    const digest = renderQuietDigest(held, { start: 0, end: 6 * 60 });
    expect(digest.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(digest.text).toContain('3\u00a0000\u00a0уведомлений');
  });
});
