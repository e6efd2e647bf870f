const FIELDS = `enabled newOrder buyout cancellation return negativeReview criticalStock`;

export const SETTINGS = `query Settings($id: ID!) { cabinet(id: $id) { id notificationSettings { ${FIELDS} } } }`;

export const UPDATE_SETTINGS = `mutation UpdateSettings($id: ID!, $patch: NotificationSettingsInput!) {
  updateNotificationSettings(cabinetId: $id, patch: $patch) {
    __typename ... on NotificationSettings { ${FIELDS} } ... on ForbiddenError { message }
  }
}`;
