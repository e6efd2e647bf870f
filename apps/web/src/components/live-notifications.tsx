'use client';

import { useSubscription } from 'urql';
import { NOTIFICATION_RECEIVED, type NotificationNode } from '../graphql/notifications';
import { NOTIFICATION_TYPES } from '../lib/format';
import { useToast } from './toast';

/** One subscription for the whole shell: every new notification raises a toast and reaches the feed. */
export function useLiveNotifications(): NotificationNode[] {
  const toast = useToast();
  const [result] = useSubscription<{ notificationReceived: NotificationNode }, NotificationNode[]>(
    { query: NOTIFICATION_RECEIVED },
    (list = [], data) => {
      const node = data.notificationReceived;
      toast(`${NOTIFICATION_TYPES[node.type] ?? node.type}: ${summary(node)}`);
      return [node, ...list].slice(0, 100);
    },
  );
  return result.data ?? [];
}

export function summary(node: NotificationNode): string {
  const p = node.payload as Record<string, unknown>;
  const name = p.subject ?? p.productName ?? p.supplierArticle ?? p.vendorCode ?? p.nmId ?? '';
  const price = p.priceWithDisc ? ` · ${Math.round(Number(p.priceWithDisc))} ₽` : '';
  return `${String(name)}${price}`;
}
