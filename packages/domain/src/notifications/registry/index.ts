import type { z } from 'zod';
import type { NotificationEvent } from '../events.ts';
import { anomaly } from './anomaly.ts';
import { buyout } from './buyout.ts';
import { cancellation } from './cancellation.ts';
import { criticalStock } from './critical-stock.ts';
import type { EventFacts, NotificationTemplate, NotificationTypeDefinition } from './definition.ts';
import { keyHealth } from './key-health.ts';
import { morningSummary } from './morning-summary.ts';
import { negativeReview } from './negative-review.ts';
import { newOrder } from './new-order.ts';
import { newQuestion } from './new-question.ts';
import { returnType } from './return.ts';
import { stockForecast } from './stock-forecast.ts';

/**
 * Every notification type by id, in the order surfaces list them (settings, menus, coverage).
 * The one place a type is declared: everything else (settings, delivery, the API, the bot, the
 * web) reads it from here.
 */
export const NOTIFICATION_REGISTRY = {
  new_order: newOrder,
  buyout,
  cancellation,
  return: returnType,
  negative_review: negativeReview,
  new_question: newQuestion,
  critical_stock: criticalStock,
  stock_forecast: stockForecast,
  anomaly,
  key_health: keyHealth,
  morning_summary: morningSummary,
} as const;

export type NotificationRegistry = typeof NOTIFICATION_REGISTRY;
export type NotificationType = keyof NotificationRegistry;

export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_REGISTRY) as readonly NotificationType[];

/** The entries in registry order. */
export const NOTIFICATION_DEFINITIONS: readonly NotificationRegistry[NotificationType][] = NOTIFICATION_TYPES.map(
  (type) => NOTIFICATION_REGISTRY[type],
);

/** The stored payload of one type, as its schema reads it. */
export type NotificationPayload<T extends NotificationType = NotificationType> = {
  [K in T]: z.output<NotificationRegistry[K]['payload']>;
}[T];

/** The registry entry of a type, seen without its literal types (what generic readers need). */
export function notificationDefinition(type: NotificationType): NotificationTypeDefinition {
  return NOTIFICATION_REGISTRY[type] as unknown as NotificationTypeDefinition;
}

/** The template of an event's type: TypeScript cannot pair a union's entry with its event. */
export function templateOf<E extends NotificationEvent>(event: E): NotificationTemplate<E> {
  return NOTIFICATION_REGISTRY[event.type].template as unknown as NotificationTemplate<E>;
}

/**
 * A stored payload as its type's schema reads it; throws (a ZodError naming the field) when
 * it does not match, so nothing downstream guesses.
 */
export function parsePayload<T extends NotificationType>(type: T, payload: unknown): NotificationPayload<T> {
  return notificationDefinition(type).payload.parse(payload) as NotificationPayload<T>;
}

/** A stored event (its payload and the facts delivery loaded) as what its template shows. */
export function toNotificationEvent(type: NotificationType, payload: unknown, facts: EventFacts): NotificationEvent {
  const definition = notificationDefinition(type);
  return definition.toEvent(definition.payload.parse(payload), facts);
}
