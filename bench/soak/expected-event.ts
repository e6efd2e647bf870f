import type { EventType } from './fingerprint.ts';

/** An event every subscribed chat must get exactly one message about. */
export interface ExpectedEvent {
  sid: string;
  cabinetId: string;
  chatIds: number[];
  type: EventType;
  /** What identifies it at WB (srid, review id), or the outbox key of a stock alert. */
  identity: string;
  fingerprint: string;
  /** Real time (epoch ms) it became visible at WB; absent when the emulator cannot tell (stock). */
  visibleAt?: number;
}

/** The outbox key the sync gives an event (packages/sync writeEvents): cabinet, type, WB identity. */
export const outboxKey = (event: ExpectedEvent) =>
  event.type === 'critical_stock' ? event.identity : `${event.cabinetId}:${event.type}:${event.identity}`;

/** How an in-doubt delivery is named: the chat and the event's outbox key. */
export const deliveryKey = (chatId: number | string, eventKey: string) => `${chatId} ${eventKey}`;
