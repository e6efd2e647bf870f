import type { CancellationEvent } from '../events.ts';
import { saleTemplate } from '../templates/sale.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { orderPayload, saleFacts } from './sale-payloads.ts';

const labels: NotificationLabels = {
  emoji: '❌',
  title: 'Отмена заказа',
  groupTitle: 'Отмены',
  groupForms: ['отмена', 'отмены', 'отмен'],
  nounForms: ['отмена', 'отмены', 'отмен'],
  shortTitle: 'Отмена',
  listName: 'Отмены',
  listNameInSentence: 'отмены',
  aboutPhrase: 'отменах',
};

/** An order that is cancelled now and was not before (or was first seen already cancelled). */
export const cancellation = defineNotificationType({
  id: 'cancellation',
  category: 'statistics',
  setting: { field: 'orderCancellationsEnabled', column: 'order_cancellations_enabled' },
  graphql: { toggle: 'cancellation', details: 'CancellationDetails' },
  labels,
  payload: orderPayload,
  dayTotals: 'cancellations',
  template: saleTemplate(labels),
  toEvent: (payload, facts): CancellationEvent => ({ type: 'cancellation', ...saleFacts(payload, facts) }),
});
