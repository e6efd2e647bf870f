import type { Payloads, Topic } from './topics.ts';

/**
 * What the API needs from a pub/sub: the PostgreSQL LISTEN/NOTIFY one implements it today; a
 * Redis-backed one can replace it without touching the schema (architecture.md).
 */
export interface ApiPubSub {
  /**
   * Events of one topic from now on; return() unsubscribes. With `key`, only events whose
   * routing field (TOPICS[topic].routeBy: userId or cabinetId) equals it: a thousand users'
   * subscriptions then cost nothing for an event that is not theirs.
   */
  subscribe<T extends Topic>(topic: T, key?: string): AsyncIterableIterator<Payloads[T]>;
  /** Ends every open iterator and releases the connection. */
  close(): Promise<void>;
}
