import type { NewOrderEvent } from '../events.ts';
import { saleTemplate } from '../templates/sale.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { orderPayload, saleFacts } from './sale-payloads.ts';

const labels: NotificationLabels = {
  emoji: '🛒',
  title: 'Новый заказ',
  groupTitle: 'Новые заказы',
  groupForms: ['новый заказ', 'новых заказа', 'новых заказов'],
  nounForms: ['заказ', 'заказа', 'заказов'],
  shortTitle: 'Новый заказ',
  listName: 'Новые заказы',
  listNameInSentence: 'заказы',
  aboutPhrase: 'новых заказах',
};

/** A srid seen for the first time. */
export const newOrder = defineNotificationType({
  id: 'new_order',
  category: 'statistics',
  setting: { field: 'newOrdersEnabled', column: 'new_orders_enabled' },
  graphql: { toggle: 'newOrder', details: 'NewOrderDetails' },
  labels,
  payload: orderPayload,
  dayTotals: 'orders',
  template: saleTemplate(labels),
  toEvent: (payload, facts): NewOrderEvent => ({ type: 'new_order', ...saleFacts(payload, facts) }),
});
