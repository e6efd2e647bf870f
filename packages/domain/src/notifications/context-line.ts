import { formatMoney } from '../format/money.ts';
import { countNoun } from '../format/plural.ts';
import type { NotificationEvent } from './events.ts';
import { TYPE_LABELS } from './type-labels.ts';

/** "Сегодня: 12 заказов на 34 560 ₽": the caller's totals as one line, or null without them. */
export function contextLine(event: NotificationEvent): string | null {
  const labels = TYPE_LABELS[event.type];
  switch (event.type) {
    case 'negative_review':
      return event.context == null ? null : `Сегодня: ${countNoun(event.context.count, labels.groupForms)}`;
    case 'critical_stock':
      return event.context == null
        ? null
        : `Всего на критическом остатке: ${countNoun(event.context.criticalSizes, labels.nounForms)}`;
    default:
      // Return amounts arrive negative; "2 возврата на 3 000 ₽" reads as a size, not a sign.
      return event.context == null
        ? null
        : `Сегодня: ${countNoun(event.context.count, labels.nounForms)} на ${formatMoney(Math.abs(event.context.amount))}`;
  }
}
