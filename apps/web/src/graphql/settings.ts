import { graphql, type ResultOf } from './graphql';

const SETTINGS_FIELDS = graphql(`
  fragment NotificationSettingsFields on NotificationSettings @_unmask {
    enabled
    stockForecastDays
    types {
      type
      enabled
    }
  }
`);

export const SETTINGS = graphql(
  `
    query Settings($id: ID!) {
      cabinet(id: $id) {
        id
        notificationSettings {
          ...NotificationSettingsFields
        }
      }
    }
  `,
  [SETTINGS_FIELDS],
);

export const UPDATE_SETTINGS = graphql(
  `
    mutation UpdateSettings($id: ID!, $patch: NotificationSettingsInput!) {
      updateNotificationSettings(cabinetId: $id, patch: $patch) {
        __typename
        ...NotificationSettingsFields
        ... on ForbiddenError {
          message
        }
        ... on OperationError {
          message
        }
      }
    }
  `,
  [SETTINGS_FIELDS],
);

export type NotificationSettings = ResultOf<typeof SETTINGS_FIELDS>;
