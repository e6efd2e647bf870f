import { describe, expect, it } from 'vitest';
import { botAnswerSchema, botDeliverySchema, type BotDelivery } from './wire.ts';

const delivery: BotDelivery = {
  attemptId: 'a1b2',
  notificationIds: ['17', '18'],
  userId: '0b6f6c3e-8d52-4c41-9d8f-6f1f0f1b8f4e',
  chatId: '-100123',
  messages: [
    {
      text: '<b>Новый заказ</b>',
      photoUrl: null,
      parseMode: 'HTML',
      buttons: [[{ text: 'Открыть', url: 'https://example.com' }], [{ text: 'Выкл.', callbackData: 'mute:new_order' }]],
    },
  ],
  events: [
    {
      type: 'new_order',
      eventKey: 'c:new_order:1',
      cabinetId: 'c',
      occurredAt: '2026-12-01T10:00:00.000Z',
      payload: { srid: '1', finished_price: 990 },
    },
  ],
};

describe('the worker→bot wire schema', () => {
  it('reads back exactly what the worker writes, byte for byte', () => {
    const body = JSON.stringify(delivery);
    expect(JSON.stringify(botDeliverySchema.parse(JSON.parse(body)))).toBe(body);
  });

  it('refuses a body the bot cannot send from', () => {
    expect(botDeliverySchema.safeParse({ ...delivery, notificationIds: [] }).success).toBe(false);
    expect(botDeliverySchema.safeParse({ ...delivery, notificationIds: ['x'] }).success).toBe(false);
    expect(botDeliverySchema.safeParse({ ...delivery, chatId: '12a' }).success).toBe(false);
    expect(botDeliverySchema.safeParse({ ...delivery, messages: [] }).success).toBe(false);
  });

  it('keeps an event type the bot does not know yet: it only counts it', () => {
    const later = { ...delivery, events: [{ ...delivery.events[0]!, type: 'price_drop' }] };
    expect(botDeliverySchema.parse(later).events[0]?.type).toBe('price_drop');
  });

  it('knows the three answers and nothing else', () => {
    expect(botAnswerSchema.parse({ status: 'retry', retryAfter: 3 })).toEqual({ status: 'retry', retryAfter: 3 });
    expect(botAnswerSchema.parse({ status: 'blocked' })).toEqual({ status: 'blocked' });
    expect(botAnswerSchema.safeParse({ status: 'retry' }).success).toBe(false);
    expect(botAnswerSchema.safeParse({ status: 'maybe' }).success).toBe(false);
  });
});
