import type { BuyoutEvent } from '../events.ts';
import { saleTemplate } from '../templates/sale.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { saleFacts, salePayload } from './sale-payloads.ts';

const labels: NotificationLabels = {
  emoji: '💰',
  title: 'Выкуп',
  groupTitle: 'Выкупы',
  groupForms: ['выкуп', 'выкупа', 'выкупов'],
  nounForms: ['выкуп', 'выкупа', 'выкупов'],
  shortTitle: 'Выкуп',
  listName: 'Выкупы',
  listNameInSentence: 'выкупы',
  aboutPhrase: 'выкупах',
};

/** A sale (saleID S…) seen for the first time. */
export const buyout = defineNotificationType({
  id: 'buyout',
  category: 'statistics',
  setting: { field: 'orderBuyoutsEnabled', column: 'order_buyouts_enabled' },
  graphql: { toggle: 'buyout', details: 'BuyoutDetails' },
  labels,
  payload: salePayload,
  dayTotals: 'buyouts',
  template: saleTemplate(labels),
  toEvent: (payload, facts): BuyoutEvent => ({ type: 'buyout', ...saleFacts(payload, facts) }),
});
