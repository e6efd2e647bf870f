import { graphql, type ResultOf } from './graphql';

// Unmasked: the history page and the live feed read these fields straight off their results.
const NOTIFICATION_FIELDS = graphql(`
  fragment NotificationFields on Notification @_unmask {
    id
    cabinetId
    type
    status
    occurredAt
    createdAt
    payload
    reason
    error
    product {
      nmId
      name
      vendorCode
      imageUrl
      price
    }
  }
`);

export const CABINET_NOTIFICATIONS = graphql(
  `
    query CabinetNotifications($id: ID!, $first: Int, $after: String, $filter: NotificationFilter) {
      cabinet(id: $id) {
        id
        notifications(first: $first, after: $after, filter: $filter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...NotificationFields
            }
          }
        }
      }
    }
  `,
  [NOTIFICATION_FIELDS],
);

export const NOTIFICATION_RECEIVED = graphql(
  `
    subscription NotificationReceived {
      notificationReceived {
        ...NotificationFields
      }
    }
  `,
  [NOTIFICATION_FIELDS],
);

export type NotificationNode = ResultOf<typeof NOTIFICATION_FIELDS>;
