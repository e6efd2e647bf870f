import { describe, expect, it } from 'vitest';
import { TYPE_OPTIONS, typeLabel } from './notification-types';

describe('notification type labels', () => {
  it("offers every type in the bot's order with the registry's short titles", () => {
    expect(TYPE_OPTIONS).toEqual([
      { value: 'new_order', label: 'Новый заказ' },
      { value: 'buyout', label: 'Выкуп' },
      { value: 'cancellation', label: 'Отмена' },
      { value: 'return', label: 'Возврат' },
      { value: 'negative_review', label: 'Негативный отзыв' },
      { value: 'new_question', label: 'Вопрос покупателя' },
      { value: 'critical_stock', label: 'Критический остаток' },
      { value: 'stock_forecast', label: 'Прогноз остатка' },
      { value: 'anomaly', label: 'Всплеск отмен' },
      { value: 'key_health', label: 'Ключ WB' },
      { value: 'morning_summary', label: 'Сводка за день' },
    ]);
  });

  it('shows a type this build does not know by its name', () => {
    expect(typeLabel('negative_review')).toBe('Негативный отзыв');
    expect(typeLabel('price_drop')).toBe('price_drop');
  });
});
