// One query per table page: the server pages (relay cursors), sorts (direction) and filters.
const PAGE = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const ARGS = `$id: ID!, $first: Int, $after: String, $last: Int, $before: String, $direction: SortDirection`;
const PASS = `first: $first, after: $after, last: $last, before: $before, direction: $direction`;

export const ORDERS = `query Orders(${ARGS}, $filter: OrderFilter) { cabinet(id: $id) { id orders(${PASS}, filter: $filter) {
  ${PAGE} edges { node { id orderDate nmId supplierArticle techSize warehouseName regionName priceWithDisc isCancel } } } } }`;

export const SALES = `query Sales(${ARGS}, $filter: SaleFilter) { cabinet(id: $id) { id sales(${PASS}, filter: $filter) {
  ${PAGE} edges { node { id saleDate type nmId supplierArticle techSize warehouseName priceWithDisc forPay } } } } }`;

export const STOCKS = `query Stocks(${ARGS}, $filter: StockFilter) { cabinet(id: $id) { id stocks(${PASS}, filter: $filter) {
  ${PAGE} edges { node { id nmId vendorCode warehouseName techSize quantity inWayToClient inWayFromClient } } } } }`;

export const REVIEWS = `query Reviews(${ARGS}, $filter: ReviewFilter) { cabinet(id: $id) { id reviews(${PASS}, filter: $filter) {
  ${PAGE} edges { node { id createdDate rating productName text isAnswered } } } } }`;

export const SYNC_LOGS = `query SyncLogs(${ARGS}, $filter: SyncLogFilter) { cabinet(id: $id) { id lastSyncAt nextSyncAt syncLogs(${PASS}, filter: $filter) {
  ${PAGE} edges { node { id startedAt kind status durationMs eventsCreated skippedRows errors } } } } }`;

export const REQUEST_SYNC = `mutation RequestSync($id: ID!) {
  requestSync(cabinetId: $id) {
    __typename ... on RequestSyncPayload { nextSyncAt } ... on Error { message }
  }
}`;
