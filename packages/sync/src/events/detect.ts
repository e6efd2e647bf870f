/**
 * Which rows a periodic sync stored are events. Pure rules over what the upsert reported
 * (inserted, or changed with the values before), never over WB's own dates: WB rows arrive
 * late, and an order first seen now still fires once, with its real time.
 */

import { parsePayload, type NotificationPayload, type NotificationType } from '@wb-assist/domain';
import {
  feedOrderPayload,
  feedSalePayload,
  orderPayload,
  questionPayload,
  reviewPayload,
  salePayload,
  type FeedCard,
  type OrderFeedRow,
  type OrderRow,
  type QuestionRow,
  type ReviewRow,
  type SaleRow,
} from './payloads.ts';

export type EventType = NotificationType;

export interface DetectedEvent {
  type: EventType;
  /**
   * What makes the event itself unique within the cabinet: the srid for the four order events
   * (whichever source, statistics or the order feed, sees them), the review id, ...
   */
  identity: string;
  occurredAt: Date;
  /** The registry's payload of the type, already parsed with its schema. */
  payload: NotificationPayload;
  /** For an event about one member's own setting: only that member hears of it. */
  userId?: string;
}

export interface OrderChange extends OrderRow {
  inserted: boolean;
  before_is_cancel?: boolean | null;
}

/**
 * A new srid is a new order. A cancellation is an order that is cancelled now and was not
 * before — including one first seen already cancelled (placed and cancelled between two syncs):
 * the seller hears of the order and of its cancellation.
 */
export function orderEvents(rows: OrderChange[]): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  for (const row of rows) {
    if (row.inserted) {
      events.push({
        type: 'new_order',
        identity: row.srid,
        occurredAt: row.order_date,
        payload: orderPayload('new_order', row),
      });
    }
    const turnedCancelled = row.is_cancel && (row.inserted || row.before_is_cancel === false);
    if (turnedCancelled) {
      events.push({
        type: 'cancellation',
        identity: row.srid,
        occurredAt: row.cancel_date ?? row.order_date,
        payload: orderPayload('cancellation', row),
      });
    }
  }
  return events;
}

export interface SaleChange extends SaleRow {
  inserted: boolean;
  type: 'buyout' | 'return';
}

/**
 * A saleID seen for the first time: S is a buyout, R a return. Money filled in later is no new
 * event. Its identity is the order's srid, which the order feed knows too: a buyout the feed
 * has already notified is not notified again when statistics publish its saleID.
 */
export function saleEvents(rows: SaleChange[]): DetectedEvent[] {
  return rows
    .filter((row) => row.inserted)
    .map((row) => ({
      type: row.type,
      identity: row.srid,
      occurredAt: row.sale_date,
      payload: salePayload(row.type, row),
    }));
}

export interface OrderFeedChange extends OrderFeedRow {
  inserted: boolean;
  before_status?: string | null;
}

/** Which event a feed status is; `created` is the order itself, an unknown status nothing. */
const FEED_STATUS_EVENTS: Record<string, 'cancellation' | 'buyout' | 'return'> = {
  cancel: 'cancellation',
  buyout: 'buyout',
  return: 'return',
  returnDefective: 'return',
};

/**
 * The order feed's rules, the same facts as statistics' under the same identities (the srid):
 * whichever source sees a fact first notifies it, the other finds its event key taken.
 * - A srid new to the feed, unknown to statistics and placed within the read window is a new
 *   order (an old order the feed meets for its first time, because its status changed, is not).
 * - A status reached now (first seen in it, or changed to it) is a cancellation, a buyout or a
 *   return, with the time WB gives for that status.
 */
export function orderFeedEvents(
  rows: OrderFeedChange[],
  context: { knownSrids: Set<string>; windowStart: Date; cardOf: (row: OrderFeedRow) => FeedCard | null },
): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  for (const row of rows) {
    const card = context.cardOf(row);
    if (row.inserted && !context.knownSrids.has(row.srid) && row.order_date >= context.windowStart) {
      events.push({
        type: 'new_order',
        identity: row.srid,
        occurredAt: row.order_date,
        payload: feedOrderPayload('new_order', row, card),
      });
    }
    const type = FEED_STATUS_EVENTS[row.status];
    if (!type || (!row.inserted && row.before_status === row.status)) continue;
    events.push({
      type,
      identity: row.srid,
      occurredAt: row.status_date,
      payload: type === 'cancellation' ? feedOrderPayload(type, row, card) : feedSalePayload(type, row, card),
    });
  }
  return events;
}

export interface ReviewChange extends ReviewRow {
  inserted: boolean;
}

export const NEGATIVE_RATING = 3;

/** A review of 1–3 stars seen for the first time. */
export function reviewEvents(rows: ReviewChange[]): DetectedEvent[] {
  return rows
    .filter((row) => row.inserted && row.rating <= NEGATIVE_RATING)
    .map((row) => ({
      type: 'negative_review',
      identity: row.review_id,
      occurredAt: row.created_date,
      payload: reviewPayload(row),
    }));
}

export interface QuestionChange extends QuestionRow {
  inserted: boolean;
}

/**
 * A question seen for the first time, answered or not: one answered between two syncs was
 * still asked, and the seller hears of it once (the answer changing later is no new event).
 */
export function questionEvents(rows: QuestionChange[]): DetectedEvent[] {
  return rows
    .filter((row) => row.inserted)
    .map((row) => ({
      type: 'new_question',
      identity: row.question_id,
      occurredAt: row.created_date,
      payload: questionPayload(row),
    }));
}

export interface StockLevel {
  nmId: number;
  sizeKey: string;
  /** Available for sale, summed over every warehouse. */
  available: number;
  /** Where the units are now, fullest first. */
  warehouses: { warehouseName: string; regionName: string | null; quantity: number }[];
  techSize: string | null;
}

/**
 * A product size crossing from above the threshold to at or below it. The sum over warehouses
 * makes a transfer between warehouses no shortage; comparing the stored state before and after
 * one snapshot makes it one alert per crossing, re-armed only when the stock recovered above
 * the threshold. A size never seen before has no "before" and raises nothing.
 */
export function stockEvents(
  before: Map<string, number>,
  after: StockLevel[],
  threshold: number,
  episode: string,
  now: Date,
): DetectedEvent[] {
  return after
    .filter((level) => {
      const previous = before.get(`${level.nmId}|${level.sizeKey}`);
      return previous !== undefined && previous > threshold && level.available <= threshold;
    })
    .map((level) => ({
      type: 'critical_stock' as const,
      identity: `${level.nmId}:${level.sizeKey}:${episode}`,
      occurredAt: now,
      payload: parsePayload('critical_stock', { v: 1, ...level, threshold }),
    }));
}
