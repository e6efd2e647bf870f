import type { ReturnEvent } from '../events.ts';
import { saleTemplate } from '../templates/sale.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { saleFacts, salePayload } from './sale-payloads.ts';

const labels: NotificationLabels = {
  emoji: '↩️',
  title: 'Возврат',
  groupTitle: 'Возвраты',
  groupForms: ['возврат', 'возврата', 'возвратов'],
  nounForms: ['возврат', 'возврата', 'возвратов'],
  shortTitle: 'Возврат',
  listName: 'Возвраты',
  listNameInSentence: 'возвраты',
  aboutPhrase: 'возвратах',
};

/** A return (saleID R…) seen for the first time. */
export const returnType = defineNotificationType({
  id: 'return',
  category: 'statistics',
  setting: { field: 'orderReturnsEnabled', column: 'order_returns_enabled' },
  graphql: { toggle: 'return', details: 'ReturnDetails' },
  labels,
  payload: salePayload,
  dayTotals: 'returns',
  template: saleTemplate(labels),
  toEvent: (payload, facts): ReturnEvent => ({ type: 'return', ...saleFacts(payload, facts) }),
});
