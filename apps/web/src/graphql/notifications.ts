const NOTIFICATION_FIELDS = `id cabinetId type status occurredAt createdAt payload reason`;

export const NOTIFICATIONS = `query Notifications($first: Int, $after: String, $filter: NotificationFilter) {
  viewer { notifications(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { ${NOTIFICATION_FIELDS} } }
  } }
}`;

export const NOTIFICATION_RECEIVED = `subscription NotificationReceived { notificationReceived { ${NOTIFICATION_FIELDS} } }`;

export interface NotificationNode {
  id: string;
  cabinetId: string;
  type: string;
  status: string;
  occurredAt: string;
  createdAt: string;
  payload: Record<string, unknown>;
  reason: string | null;
}
