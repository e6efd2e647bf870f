export { wbAccessFromEnv, type WbAccess, type WbAccessEnv } from './access-from-env.ts';
export {
  createWbClient,
  type DateWindow,
  type OrderFeedPage,
  type Page,
  type WbClient,
  type WbClientOptions,
} from './client.ts';
export { WbApiError, type WbErrorCode } from './errors.ts';
export { createTransport, type WbHost, type WbHosts } from './http.ts';
export {
  bucketFor,
  WB_METHOD_GROUPS,
  type RateLimiter,
  type RateLimitKey,
  type WbMethodGroup,
} from './rate-limit/groups.ts';
export {
  ARRIVAL_MARGIN,
  cabinetCeiling,
  withArrivalMargin,
  type CabinetCeiling,
} from './rate-limit/cabinet-ceiling.ts';
export { MemoryRateLimiter } from './rate-limit/memory.ts';
export { PostgresRateLimiter } from './rate-limit/postgres.ts';
export type { BadRow } from './schemas/rows.ts';
export type { WbCard, WbSellerInfo } from './schemas/content.ts';
export type { WbAnswerOnWb, WbFeedback } from './schemas/feedbacks.ts';
export type { WbQuestion } from './schemas/questions.ts';
export { ORDER_FEED_STATUSES, type WbOrderFeedRow } from './schemas/order-feed.ts';
export type { WbOrderRow, WbSaleRow } from './schemas/statistics.ts';
export type { WbStocksReportRow, WbWarehouseRemainsRow } from './schemas/stocks.ts';
export { formatMoscowDateTime, MOSCOW, parseMoscowDateTime, parseOffsetDateTime } from './time.ts';
export {
  decodeWbToken,
  hasCategory,
  WB_CATEGORY_BITS,
  WB_READ_ONLY_BIT,
  WbTokenFormatError,
  type WbCategory,
  type WbToken,
  type WbTokenType,
} from './token.ts';
