import { graphql, type ResultOf } from './graphql';

export const MONITORING = graphql(`
  query Monitoring {
    monitoring {
      checkedAt
      components {
        name
        title
        status
        detail
        latencyMs
      }
      cabinets {
        cabinet {
          id
          name
          status
          statusReason
          lastSyncAt
          nextSyncAt
          lastSync {
            status
            errors
          }
        }
        syncsLastDay
        failedSyncsLastDay
        lastSyncDurationMs
        pendingNotifications
        oldestPendingAt
        sentNotificationsLastDay
        failedNotificationsLastDay
        lastNotificationSentAt
      }
    }
  }
`);

export type HealthStatus = NonNullable<ResultOf<typeof MONITORING>['monitoring']>['components'][number]['status'];
