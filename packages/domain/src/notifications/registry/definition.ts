import type { z } from 'zod';
import type { PluralForms } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { NotificationEvent } from '../events.ts';

/**
 * The WB API key category a type's data comes from. The same literals as `WbCategory` of
 * @wb-assist/wb-api (domain depends on nothing; core checks the two agree at compile time).
 */
export type WbKeyCategory = 'statistics' | 'feedbacks' | 'analytics';

/** A count of wb_daily_totals that has an amount beside it (`orders` and `orders_amount`). */
export type DayTotalsKind = 'orders' | 'cancellations' | 'buyouts' | 'returns';

/** Every Russian word a surface says about a type. */
export interface NotificationLabels {
  emoji: string;
  /** Heading of a single message: "Новый заказ". */
  title: string;
  /** Heading of a grouped message's continuation: "Новые заказы". */
  groupTitle: string;
  /** The counted phrase of a group heading: "12 новых заказов". */
  groupForms: PluralForms;
  /** The counted noun of "…и ещё 1 812 заказов" and of the day's context line. */
  nounForms: PluralForms;
  /** One notification in the web's history and toasts: "Отмена". */
  shortTitle: string;
  /** The type on switches, buttons and menus (bot and web): "Новые заказы". */
  listName: string;
  /** The same inside a sentence: "Будут приходить: заказы, выкупы, …". */
  listNameInSentence: string;
  /** What the seller hears about, after "уведомлений о": "новых заказах". */
  aboutPhrase: string;
}

/** The facts a message needs besides the payload, as delivery loads them. */
export interface EventFacts {
  /** When it happened at WB (or when a stock crossing was detected). */
  occurredAt: Date;
  /** The product card, when the sync has it: name and photo. */
  card: { title: string; imageUrl: string | null; vendorCode: string; brand: string | null } | null;
  /** The day so far, for the message's context line. */
  context?: DayContext | null;
}

/**
 * The figures of the context line. `day` is the local date (YYYY-MM-DD) of count and amount
 * when it is not the day of delivery (an event delivered after midnight): then the line names
 * that day instead of «Сегодня».
 */
export interface DayContext {
  count: number;
  amount: number;
  day?: string | null;
  criticalSizes: number;
}

/** How one type's events become Telegram HTML: alone, and as lines of a grouped message. */
export interface NotificationTemplate<E extends NotificationEvent> {
  /** One event as a message body, saying as much as `detail` allows. */
  message(event: E, timeZone: string, detail: Detail): string;
  /** One line per event in a grouped message. */
  groupItem(event: E, timeZone: string): string;
  /** The first lines of a grouped message: "🛒 12 новых заказов на 34 560 ₽". */
  groupHeader(events: readonly E[], timeZone: string): string[];
  /** The day's context line ("Сегодня: 12 заказов на 34 560 ₽"), or null without totals. */
  context(event: E): string | null;
  /** The order of a group's lines; by time when absent. */
  groupOrder?(a: E, b: E): number;
}

/**
 * Every payload is versioned and names the product it is about, so any reader can find the
 * card; only a cabinet-wide type (the key's health) has none.
 */
export interface BasePayload {
  v: number;
  nmId?: number;
}

export type PayloadSchema = z.ZodType<BasePayload>;

/**
 * One notification type, everything about it in one place: adding a type is one of these, its
 * template and its detector (packages/sync).
 */
export interface NotificationTypeDefinition<
  Id extends string = string,
  Schema extends PayloadSchema = PayloadSchema,
  Event extends NotificationEvent = NotificationEvent,
> {
  id: Id;
  /** The WB key category without which this type cannot work. */
  category: WbKeyCategory;
  /** The user's switch in notification_settings: the Prisma field and the SQL column. */
  setting: { field: string; column: string };
  /**
   * Public GraphQL names. The NotificationType enum value is the id itself; `toggle` is the
   * field of NotificationSettings(Input); `details` the type of Notification.details.
   */
  graphql: { toggle: string; details: string };
  labels: NotificationLabels;
  /** What the outbox stores for an event (camelCase, versioned by `v`); detection parses with it. */
  payload: Schema;
  /**
   * Which of the cabinet's daily totals (the database's wb_daily_totals, the dashboard's
   * figures) the context line quotes: that count and its amount ("12 заказов на 34 560 ₽").
   * Null for a type whose context is its own.
   */
  dayTotals: DayTotalsKind | null;
  template: NotificationTemplate<Event>;
  /** The stored payload and the loaded facts as what the template shows. */
  toEvent(payload: z.output<Schema>, facts: EventFacts): Event;
}

/** Keeps an entry's literal types (id, column names), so other packages can check them. */
export function defineNotificationType<
  const Id extends string,
  Schema extends PayloadSchema,
  Event extends NotificationEvent & { type: Id },
  const Setting extends { field: string; column: string },
  const GraphQL extends { toggle: string; details: string },
>(
  definition: NotificationTypeDefinition<Id, Schema, Event> & { setting: Setting; graphql: GraphQL },
): NotificationTypeDefinition<Id, Schema, Event> & { setting: Setting; graphql: GraphQL } {
  return definition;
}
