import { graphql } from './graphql';

const QUIET_HOURS_FIELDS = graphql(`
  fragment QuietHoursFields on QuietHours @_unmask {
    mode
    start
    end
    criticalStockBreaksThrough
    timeZone
  }
`);

export const QUIET_HOURS = graphql(
  `
    query QuietHours {
      viewer {
        id
        quietHours {
          ...QuietHoursFields
        }
      }
    }
  `,
  [QUIET_HOURS_FIELDS],
);

export const UPDATE_QUIET_HOURS = graphql(
  `
    mutation UpdateQuietHours($patch: QuietHoursInput!) {
      updateQuietHours(patch: $patch) {
        __typename
        ...QuietHoursFields
        ... on ForbiddenError {
          message
        }
        ... on OperationError {
          message
        }
      }
    }
  `,
  [QUIET_HOURS_FIELDS],
);
