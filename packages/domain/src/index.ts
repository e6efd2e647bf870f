export { DEFAULT_TIME_ZONE, formatDateTime, zoneLabel } from './format/date.ts';
export { escapeHtml } from './format/html.ts';
export { formatInteger, formatMoney, formatPercent, NBSP, type MoneyOptions } from './format/money.ts';
export { countNoun, pluralRu, type PluralForms } from './format/plural.ts';
export { truncate } from './format/truncate.ts';
export { muteCallbackData, parseMuteCallbackData, wbProductUrl } from './notifications/buttons.ts';
export {
  NOTIFICATION_TYPES,
  type BuyoutEvent,
  type CancellationEvent,
  type CriticalStockEvent,
  type NegativeReviewEvent,
  type NewOrderEvent,
  type NotificationEvent,
  type NotificationType,
  type Prices,
  type ProductInfo,
  type ReturnEvent,
  type Route,
  type SaleEvent,
  type TodayTotals,
  type WarehouseRemainder,
} from './notifications/events.ts';
export { GROUP_ITEM_CAP, GROUP_MESSAGE_CAP, renderGroup } from './notifications/group/render-group.ts';
export { renderNotification } from './notifications/render-notification.ts';
export type { InlineButton, RenderedMessage, RenderOptions } from './notifications/rendered-message.ts';
export { GROUP_THRESHOLD, shouldGroup } from './notifications/should-group.ts';
export { CALLBACK_DATA_LIMIT, CAPTION_LIMIT, MESSAGE_LIMIT } from './notifications/telegram-limits.ts';
export { TYPE_LABELS, type TypeLabels } from './notifications/type-labels.ts';
