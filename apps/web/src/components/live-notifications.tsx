'use client';

import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { NOTIFICATION_RECEIVED, type NotificationNode } from '../graphql/notifications';
import { formatRubles } from '../lib/format';
import { typeLabel } from '../lib/notification-types';
import type { ResultOf } from '../graphql/graphql';
import { useToast } from './toast';

/**
 * One subscription for the whole shell: every new notification raises a toast and reaches the
 * feed. It opens once the signed-in shell is up and the page had a moment for its own data
 * (the socket token and the handshake would otherwise compete with the first paint of numbers).
 */
export function useLiveNotifications(signedIn: boolean): NotificationNode[] {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!signedIn) return;
    const timer = setTimeout(() => setOpen(true), 500);
    return () => clearTimeout(timer);
  }, [signedIn]);
  const [result] = useSubscription<ResultOf<typeof NOTIFICATION_RECEIVED>, NotificationNode[]>(
    { query: NOTIFICATION_RECEIVED, pause: !open },
    (list = [], data) => {
      const node = data.notificationReceived;
      toast(`${typeLabel(node.type)}: ${summary(node)}`);
      return [node, ...list].slice(0, 100);
    },
  );
  return result.data ?? [];
}

export function summary(node: NotificationNode): string {
  const p = node.payload as Record<string, unknown>;
  // A key warning is about the cabinet, not a product: its name stands in.
  const name = p.subject ?? p.productName ?? p.supplierArticle ?? p.vendorCode ?? p.nmId ?? p.cabinetName ?? '';
  const price = p.priceWithDisc ? ` · ${formatRubles(p.priceWithDisc as string | number)}` : '';
  return `${String(name)}${price}`;
}
