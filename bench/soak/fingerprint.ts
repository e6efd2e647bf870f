import { formatDateTime, NOTIFICATION_TYPES, type NotificationType } from '@wb-assist/domain';

export type EventType = NotificationType;
export const EVENT_TYPES: readonly EventType[] = NOTIFICATION_TYPES;

/**
 * Alerts the system derives from trends (a day's cancellations against two weeks, days of
 * cover, a key's expiry), not from one thing a shop did: the soak cannot owe them, so it
 * checks only that none of them arrives twice.
 */
export const DERIVED_TYPES: readonly EventType[] = ['stock_forecast', 'anomaly', 'key_health', 'morning_summary'];

export const typeOfFingerprint = (fingerprint: string) => fingerprint.split('|', 1)[0] as EventType;

/**
 * What a user can tell one event from another by, in a message: its type, the product's
 * article, and the minute it happened as the message shows it (Moscow time, the users' zone);
 * a review adds its stars, a stock alert the units left. Messages carry no WB ids, so this is
 * how an event is found in Telegram. Two events with the same fingerprint are interchangeable
 * when counting (the comparison is a multiset difference), so a collision can hide a loss only
 * behind a duplicate of the very same look.
 */
export function eventFingerprint(
  type: EventType,
  vendorCode: string,
  detail: { at?: Date; when?: string; stars?: number; remaining?: number },
): string {
  const when = detail.when ?? (detail.at ? formatDateTime(detail.at) : '');
  if (type === 'negative_review') return `${type}|${vendorCode}|${when}|${detail.stars ?? '?'}★`;
  if (type === 'critical_stock') return `${type}|${vendorCode}|${detail.remaining ?? '?'} left`;
  return `${type}|${vendorCode}|${when}`;
}
