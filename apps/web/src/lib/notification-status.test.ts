import { describe, expect, it } from 'vitest';
import { statusText } from './notification-status';

describe('statusText', () => {
  it('names the state, the reason in Russian and a failure’s error', () => {
    expect(statusText({ status: 'sent', reason: null, error: null })).toBe('Отправлено');
    expect(statusText({ status: 'held', reason: null, error: null })).toBe('Тихие часы');
    expect(statusText({ status: 'suppressed', reason: 'type_disabled:new_order', error: null })).toBe(
      'Не отправлено: выключен тип «Новый заказ»',
    );
    expect(statusText({ status: 'suppressed', reason: 'notifications_disabled', error: null })).toBe(
      'Не отправлено: все уведомления выключены',
    );
    expect(statusText({ status: 'failed', reason: 'bot_unreachable', error: 'connect ECONNREFUSED' })).toBe(
      'Ошибка: бот не ответил (connect ECONNREFUSED)',
    );
  });

  it('shows a reason code it does not know as it is', () => {
    expect(statusText({ status: 'suppressed', reason: 'quiet_hours_later', error: null })).toBe(
      'Не отправлено: quiet_hours_later',
    );
  });
});
