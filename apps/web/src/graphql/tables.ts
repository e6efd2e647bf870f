import { BUYER_ANSWER_FIELDS } from './answers';
import { graphql } from './graphql';

// One query per table page: the server pages (page numbers: offset), sorts (a column and a
// direction), searches and filters. Every one takes the variables components/data-table.tsx
// passes; a table without sort columns or search leaves those out.
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
      $offset: Int
      $sort: OrderSort
      $search: String
      $filter: OrderFilter
    ) {
      cabinet(id: $id) {
        id
        orders(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
          sort: $sort
          search: $search
        ) {
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
              product {
                title
                imageUrl
              }
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
      $offset: Int
      $sort: SaleSort
      $search: String
      $filter: SaleFilter
    ) {
      cabinet(id: $id) {
        id
        sales(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
          sort: $sort
          search: $search
        ) {
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
              product {
                title
                imageUrl
              }
            }
          }
        }
      }
    }
  `,
  [PAGE_INFO],
);

export const STOCK_SIZES = graphql(
  `
    query StockSizes(
      $id: ID!
      $first: Int
      $after: String
      $last: Int
      $before: String
      $direction: SortDirection
      $offset: Int
      $sort: StockSizeSort
      $search: String
      $filter: StockSizeFilter
    ) {
      cabinet(id: $id) {
        id
        stockSizes(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
          sort: $sort
          search: $search
        ) {
          totalCount
          pageInfo {
            ...TablePageInfo
          }
          edges {
            node {
              id
              nmId
              techSize
              vendorCode
              title
              imageUrl
              available
              inWayToClient
              inWayFromClient
              daysOfCover
              critical
              warehouses {
                warehouseName
                regionName
                quantity
              }
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
      $offset: Int
      $sort: ReviewSort
      $search: String
      $filter: ReviewFilter
    ) {
      cabinet(id: $id) {
        id
        reviews(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
          sort: $sort
          search: $search
        ) {
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
              nmId
              supplierArticle
              productName
              product {
                title
                imageUrl
              }
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
      $offset: Int
      $filter: QuestionFilter
    ) {
      cabinet(id: $id) {
        id
        questions(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
        ) {
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
      $offset: Int
      $filter: SyncLogFilter
    ) {
      cabinet(id: $id) {
        id
        lastSyncAt
        nextSyncAt
        syncLogs(
          first: $first
          after: $after
          last: $last
          before: $before
          direction: $direction
          filter: $filter
          offset: $offset
        ) {
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
