import {
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  type DayContext,
  type DayTotalsKind,
  type NotificationType,
} from '@wb-assist/domain';
import type { RenderedMessage } from './wire.ts';

export type { NotificationType, RenderedMessage };
// The worker→bot wire types are inferred from its schema (wire.ts).
export type { BotAnswer, BotDelivery } from './wire.ts';

/** One event as stored in the outbox, with what a message about it may show. */
export interface DeliverableEvent {
  notificationId: string;
  type: NotificationType;
  eventKey: string;
  cabinetId: string;
  occurredAt: Date;
  /** As stored: the registry's payload of the type (the renderer parses it with the type's schema). */
  payload: Record<string, unknown>;
  /** The product card, when the sync has it: name and photo. */
  product: { title: string; imageUrl: string | null; vendorCode: string; brand: string | null } | null;
  /** The day's figures, for the message's context line ("Сегодня: 12 заказов на 34 560 ₽"). */
  context?: DayContext;
}

/**
 * Turns one event, or a burst of one type, into the message a user gets; with `digest`, every
 * event quiet hours held (any types) into one message naming the window (minutes after midnight).
 */
export type Renderer = (
  events: DeliverableEvent[],
  options: { timeZone: string; digest?: { start: number; end: number } },
) => RenderedMessage[];

/** notification_settings' column of each type's switch, from the registry. */
export const SETTING_COLUMN = Object.fromEntries(
  NOTIFICATION_TYPES.map((type) => [type, NOTIFICATION_REGISTRY[type].setting.column]),
) as Record<NotificationType, string>;

/** Which of the cabinet's daily totals (wb_daily_totals) each type's context line quotes; null: its own. */
export const DAY_TOTALS = Object.fromEntries(
  NOTIFICATION_TYPES.map((type) => [type, NOTIFICATION_REGISTRY[type].dayTotals]),
) as Record<NotificationType, DayTotalsKind | null>;

/** Where the bot receives the worker's signed notifications (BOT_INTERNAL_URL + this). */
export const BOT_NOTIFY_PATH = '/internal/notifications';

/** More than this many events of one type for one user from one sync become one message. */
export const BURST_SIZE = 5;

/**
 * At most this many events go in one delivery. A burst after a long pause (a big seller's
 * orders of several hours in one sync) would otherwise be one request carrying every event's
 * row, over the bot's 1 MB body limit: refused on every retry until it failed. Larger bursts go
 * out as several grouped messages of even size.
 */
export const MAX_GROUP = 100;

/** At most this many held notifications go in one digest (without payloads, far under the body limit). */
export const MAX_DIGEST = 2_000;

/** The bot refuses a delivery body over this size (413); MAX_GROUP keeps every request well under it. */
export const MAX_DELIVERY_BYTES = 1_000_000;
