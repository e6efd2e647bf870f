export const MONITORING = `query Monitoring {
  monitoring {
    checkedAt
    components { name title status detail latencyMs }
    cabinets {
      cabinet { id name status statusReason lastSyncAt nextSyncAt lastSync { status errors } }
      syncsLastDay failedSyncsLastDay lastSyncDurationMs
      pendingNotifications oldestPendingAt sentNotificationsLastDay failedNotificationsLastDay lastNotificationSentAt
    }
  }
}`;

export type HealthStatus = 'ok' | 'degraded' | 'down' | 'unknown';

export interface MonitoringData {
  monitoring: {
    checkedAt: string;
    components: { name: string; title: string; status: HealthStatus; detail: string; latencyMs: number | null }[];
    cabinets: {
      cabinet: {
        id: string;
        name: string;
        status: string;
        statusReason: string | null;
        lastSyncAt: string | null;
        nextSyncAt: string | null;
        lastSync: { status: string; errors: unknown } | null;
      };
      syncsLastDay: number;
      failedSyncsLastDay: number;
      lastSyncDurationMs: number | null;
      pendingNotifications: number;
      oldestPendingAt: string | null;
      sentNotificationsLastDay: number;
      failedNotificationsLastDay: number;
      lastNotificationSentAt: string | null;
    }[];
  } | null;
}
