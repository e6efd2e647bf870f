import { BUYER_ANSWER_FIELDS } from './answers';
import { graphql } from './graphql';

// One query per table page: the server pages (relay cursors), sorts (direction) and filters.
// Every one takes the same variables, which components/data-table.tsx passes.
const PAGE_INFO = graphql(`
  fragment TablePageInfo on PageInfo @_unmask {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

export const ORDERS = graphql(
  `
    query Orders(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: OrderFilter
    ) {
      cabinet(id: $id) {
        id
        orders(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              orderDate
              nmId
              supplierArticle
              techSize
              warehouseName
              regionName
              priceWithDisc
              isCancel
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO],
);

export const SALES = graphql(
  `
    query Sales(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: SaleFilter
    ) {
      cabinet(id: $id) {
        id
        sales(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              saleDate
              type
              nmId
              supplierArticle
              techSize
              warehouseName
              priceWithDisc
              forPay
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO],
);

export const STOCKS = graphql(
  `
    query Stocks(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: StockFilter
    ) {
      cabinet(id: $id) {
        id
        stocks(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              nmId
              vendorCode
              warehouseName
              techSize
              quantity
              inWayToClient
              inWayFromClient
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO],
);

export const REVIEWS = graphql(
  `
    query Reviews(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: ReviewFilter
    ) {
      cabinet(id: $id) {
        id
        reviews(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              reviewId
              createdDate
              rating
              productName
              userName
              text
              pros
              cons
              isAnswered
              answerText
              answer {
                ...BuyerAnswerFields
              }
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO, BUYER_ANSWER_FIELDS],
);

export const QUESTIONS = graphql(
  `
    query Questions(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: QuestionFilter
    ) {
      cabinet(id: $id) {
        id
        questions(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              questionId
              createdDate
              productName
              supplierArticle
              text
              isAnswered
              answerText
              answer {
                ...BuyerAnswerFields
              }
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO, BUYER_ANSWER_FIELDS],
);

export const SYNC_LOGS = graphql(
  `
    query SyncLogs(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $filter: SyncLogFilter
    ) {
      cabinet(id: $id) {
        id
        lastSyncAt
        nextSyncAt
        syncLogs(first: $first, after: $after, last: $last, before: $before, direction: $direction, filter: $filter) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              startedAt
              kind
              status
              durationMs
              eventsCreated
              skippedRows
              errors
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO],
);

export const CRITICAL_STOCK_THRESHOLD = graphql(`
  query Threshold($id: ID!) {
    cabinet(id: $id) {
      id
      criticalStockThreshold
    }
  }
`);

export const REQUEST_SYNC = graphql(`
  mutation RequestSync($id: ID!) {
    requestSync(cabinetId: $id) {
      __typename
      ... on RequestSyncPayload {
        nextSyncAt
      }
      ... on SyncRequestRejected {
        retryAfterSeconds
      }
      ... on Error {
        message
      }
    }
  }
`);
