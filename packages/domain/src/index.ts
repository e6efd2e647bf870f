export { DEFAULT_TIME_ZONE, formatDateTime, zoneLabel } from './format/date.ts';
export { escapeHtml } from './format/html.ts';
export { formatInteger, formatMoney, formatPercent, NBSP, type MoneyOptions } from './format/money.ts';
export { countNoun, pluralRu, type PluralForms } from './format/plural.ts';
export { truncate } from './format/truncate.ts';
export {
  answerCallbackData,
  muteCallbackData,
  parseAnswerCallbackData,
  parseMuteCallbackData,
  parseReplaceKeyCallbackData,
  replaceKeyCallbackData,
  wbProductUrl,
  type AnswerTarget,
} from './notifications/buttons.ts';
export type {
  AnomalyEvent,
  AnomalyFigure,
  BuyoutEvent,
  CancellationEvent,
  CriticalStockEvent,
  KeyHealthEvent,
  KeyHealthKind,
  MorningSummaryEvent,
  NegativeReviewEvent,
  NewOrderEvent,
  NewQuestionEvent,
  NotificationEvent,
  Prices,
  ProductInfo,
  ReturnEvent,
  Route,
  SaleEvent,
  StockForecastEvent,
  SummaryFigure,
  SummaryProduct,
  SummarySize,
  TodayTotals,
  WarehouseRemainder,
} from './notifications/events.ts';
export {
  defineNotificationType,
  type BasePayload,
  type DayContext,
  type DayTotalsKind,
  type EventFacts,
  type NotificationLabels,
  type NotificationTemplate,
  type NotificationTypeDefinition,
  type WbKeyCategory,
} from './notifications/registry/definition.ts';
export {
  NOTIFICATION_DEFINITIONS,
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  notificationDefinition,
  parsePayload,
  toNotificationEvent,
  type NotificationPayload,
  type NotificationRegistry,
  type NotificationType,
} from './notifications/registry/index.ts';
export { GROUP_ITEM_CAP, GROUP_MESSAGE_CAP, renderGroup } from './notifications/group/render-group.ts';
export { renderNotification } from './notifications/render-notification.ts';
export { STOCK_FORECAST_DAYS } from './notifications/stock-forecast-days.ts';
export type { InlineButton, RenderedMessage, RenderOptions } from './notifications/rendered-message.ts';
export { GROUP_THRESHOLD, shouldGroup } from './notifications/should-group.ts';
export {
  ANSWER_LINE_ROOM,
  CALLBACK_DATA_LIMIT,
  CAPTION_LIMIT,
  MESSAGE_LIMIT,
} from './notifications/telegram-limits.ts';
export { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH } from './answers/answer-limits.ts';
export { DEFAULT_BUYER_NAME, fillAnswerTemplate, type AnswerTemplateValues } from './answers/fill-answer-template.ts';
export { isCriticalStock } from './stocks/is-critical-stock.ts';
export {
  formatClockTime,
  parseClockTime,
  QUIET_HOURS_MODES,
  quietWindowAt,
  type QuietHours,
  type QuietHoursMode,
} from './quiet-hours/quiet-window.ts';
export { DIGEST_ITEMS_PER_TYPE, renderQuietDigest } from './quiet-hours/render-quiet-digest.ts';
export { WB_KEY_HOW_TO, WB_KEY_TYPE_LABELS, type WbKeyType } from './wb-key/wb-key-texts.ts';
