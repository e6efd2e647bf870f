import { toNotificationEvent as fromPayload, type NotificationEvent } from '@wb-assist/domain';
import type { DeliverableEvent } from '@wb-assist/delivery';

/**
 * From an outbox event (the payload the sync stored, in its type's registry shape) and the
 * product card to what a template shows. A payload that does not match its type's schema
 * throws instead of rendering guesses.
 */
export function toNotificationEvent(event: DeliverableEvent): NotificationEvent {
  return fromPayload(event.type, event.payload, {
    occurredAt: event.occurredAt,
    card: event.product,
    context: event.context ?? null,
  });
}
