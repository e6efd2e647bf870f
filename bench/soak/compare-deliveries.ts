import { deliveryKey, outboxKey, type ExpectedEvent } from './expected-event.ts';
import { DERIVED_TYPES, EVENT_TYPES, typeOfFingerprint, type EventType } from './fingerprint.ts';
import { parseNotification } from './parse-notification.ts';
import type { SentMessage } from './read-inbox.ts';

export interface Delivery {
  event: ExpectedEvent;
  chatId: number;
}

export interface Comparison {
  /** Distinct events per type (not multiplied by members). */
  eventsByType: Record<EventType, number>;
  /** Events × the chats subscribed to them. */
  expected: number;
  /** Deliveries found exactly once by their fingerprint. */
  delivered: number;
  /** Deliveries found only as a count ("…и ещё N") in a grouped message. */
  countedOnly: number;
  lost: Delivery[];
  /** A second (third…) message about an event a chat already had. */
  duplicated: { chatId: number; fingerprint: string; extra: number }[];
  /**
   * A second message the system knew it might be sending: the bot sent again after a send whose
   * outcome it could not know (killed between Telegram taking the message and recording it).
   * Telegram has no idempotency key, so this is the price of never losing one; it is counted
   * apart, and only for deliveries the database marks in doubt.
   */
  resentInDoubt: { chatId: number; fingerprint: string; extra: number }[];
  /** Messages about events the shop never had (or that the reader could not make out). */
  unexpected: { chatId: number; fingerprint: string; count: number }[];
  /** Derived alerts (DERIVED_TYPES) each chat got once; a second one counts as duplicated. */
  derived: number;
  /** Per delivery found: event visible at WB → message accepted by Telegram, ms. */
  latenciesMs: number[];
  messages: { notifications: number; grouped: number; eventsInGroups: number; other: number };
}

const emptyByType = () => Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as Record<EventType, number>;

/**
 * Every expected event against every message, chat by chat, as multisets of fingerprints:
 * what a chat was owed and did not get is lost, what it got more than once is duplicated,
 * what it got and was never owed is unexpected. Events are counted, not messages: a grouped
 * message accounts for each event it lists (or, past its list, counts). An extra message is
 * put down to doubt only as far as the chat's same-looking events are in `inDoubt`
 * (deliveryKey: chat and outbox key).
 */
export function compareDeliveries(
  events: ExpectedEvent[],
  inbox: SentMessage[],
  inDoubt: ReadonlySet<string> = new Set(),
): Comparison {
  const result: Comparison = {
    eventsByType: emptyByType(),
    expected: 0,
    delivered: 0,
    countedOnly: 0,
    lost: [],
    duplicated: [],
    resentInDoubt: [],
    unexpected: [],
    derived: 0,
    latenciesMs: [],
    messages: { notifications: 0, grouped: 0, eventsInGroups: 0, other: 0 },
  };
  const owed = new Map<number, Map<string, ExpectedEvent[]>>();
  for (const event of events) {
    result.eventsByType[event.type] += 1;
    for (const chatId of event.chatIds) {
      result.expected += 1;
      const chat = owed.get(chatId) ?? new Map<string, ExpectedEvent[]>();
      owed.set(chatId, chat);
      chat.set(event.fingerprint, [...(chat.get(event.fingerprint) ?? []), event]);
    }
  }
  const got = new Map<number, { items: Map<string, number[]>; hidden: Record<EventType, number> }>();
  for (const message of inbox) {
    const parsed = parseNotification(message.text);
    if (!parsed) {
      result.messages.other += 1;
      continue;
    }
    result.messages.notifications += 1;
    if (parsed.grouped) {
      result.messages.grouped += 1;
      result.messages.eventsInGroups += parsed.items.length + parsed.hidden;
    }
    const chat = got.get(message.chatId) ?? { items: new Map<string, number[]>(), hidden: emptyByType() };
    got.set(message.chatId, chat);
    for (const fingerprint of parsed.items)
      chat.items.set(fingerprint, [...(chat.items.get(fingerprint) ?? []), message.at]);
    chat.hidden[parsed.type] += parsed.hidden;
  }

  for (const chatId of new Set([...owed.keys(), ...got.keys()])) {
    const expected = owed.get(chatId) ?? new Map<string, ExpectedEvent[]>();
    const received = got.get(chatId) ?? { items: new Map<string, number[]>(), hidden: emptyByType() };
    const missing: ExpectedEvent[] = [];
    const doubted = (event: ExpectedEvent) => inDoubt.has(deliveryKey(chatId, outboxKey(event)));
    // Each in-doubt delivery explains one extra message at most, listed or only counted.
    const doubtLeft = emptyByType();
    for (const event of [...expected.values()].flat()) if (doubted(event)) doubtLeft[event.type] += 1;
    const putDown = (fingerprint: string, type: EventType, extra: number, allowance: number) => {
      const explained = Math.min(extra, allowance, doubtLeft[type]);
      doubtLeft[type] -= explained;
      if (explained > 0) result.resentInDoubt.push({ chatId, fingerprint, extra: explained });
      if (extra > explained) result.duplicated.push({ chatId, fingerprint, extra: extra - explained });
    };
    for (const fingerprint of new Set([...expected.keys(), ...received.items.keys()])) {
      const owedHere = [...(expected.get(fingerprint) ?? [])].sort((a, b) => (a.visibleAt ?? 0) - (b.visibleAt ?? 0));
      const times = [...(received.items.get(fingerprint) ?? [])].sort((a, b) => a - b);
      const matched = Math.min(owedHere.length, times.length);
      result.delivered += matched;
      // Same-looking events pair up in time order: the earliest message answers the earliest event.
      for (let i = 0; i < matched; i++) {
        const visibleAt = owedHere[i]!.visibleAt;
        if (visibleAt !== undefined) result.latenciesMs.push(times[i]! - visibleAt);
      }
      missing.push(...owedHere.slice(matched));
      const extra = times.length - matched;
      if (extra > 0 && owedHere.length > 0)
        putDown(fingerprint, owedHere[0]!.type, extra, owedHere.filter(doubted).length);
      if (extra > 0 && owedHere.length === 0 && DERIVED_TYPES.includes(typeOfFingerprint(fingerprint))) {
        result.derived += 1;
        if (extra > 1) result.duplicated.push({ chatId, fingerprint, extra: extra - 1 });
      } else if (extra > 0 && owedHere.length === 0) result.unexpected.push({ chatId, fingerprint, count: extra });
    }
    // Events a grouped message only counted make up for missing ones of their type, no more.
    for (const event of missing) {
      if (received.hidden[event.type] > 0) {
        received.hidden[event.type] -= 1;
        result.countedOnly += 1;
      } else {
        result.lost.push({ event, chatId });
      }
    }
    for (const type of EVENT_TYPES) {
      if (received.hidden[type] > 0)
        putDown(`${type}|counted in a group`, type, received.hidden[type], Number.POSITIVE_INFINITY);
    }
  }
  return result;
}
