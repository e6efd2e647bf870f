import type { Logger } from '@wb-assist/logger';
import { createSubscription, type Subscription } from './subscription.ts';
import { routeKey, type Payloads, type Topic } from './topics.ts';

/** Events a subscriber that does not read may fall behind by before the oldest are dropped. */
const DEFAULT_LIMIT = 1_000;

export interface Fanout {
  subscribe<T extends Topic>(topic: T, key?: string): AsyncIterableIterator<Payloads[T]>;
  publish<T extends Topic>(topic: T, payload: Payloads[T]): void;
  /** Ends every open iterator. */
  endAll(): void;
  subscriberCount(): number;
}

/**
 * In-memory fan-out of one process, whatever event source feeds publish() (PostgreSQL
 * LISTEN today, Redis later). Subscribers sit in sets by topic, or by topic and routing key,
 * so an event reaches its own subscribers with two lookups and no scan of the others.
 */
export function createFanout({ logger, limit = DEFAULT_LIMIT }: { logger: Logger; limit?: number }): Fanout {
  /** "topic" for a whole topic, "topic:key" for one user's or cabinet's events. */
  const sets = new Map<string, Set<Subscription<unknown>>>();
  let closed = false;

  return {
    subscribe<T extends Topic>(topic: T, key?: string) {
      const name = key === undefined ? topic : `${topic}:${key}`;
      let warned = false;
      const subscription = createSubscription<Payloads[T]>({
        limit,
        onEnd: () => {
          const set = sets.get(name);
          set?.delete(subscription as Subscription<unknown>);
          if (set?.size === 0) sets.delete(name);
        },
        onOverflow: () => {
          if (warned) return;
          warned = true;
          logger.warn({ topic, limit }, 'pubsub subscriber is not reading; dropping its oldest events');
        },
      });
      if (closed) {
        subscription.end();
        return subscription;
      }
      const set = sets.get(name) ?? new Set();
      sets.set(name, set);
      set.add(subscription as Subscription<unknown>);
      return subscription;
    },
    publish(topic, payload) {
      for (const name of [topic, `${topic}:${routeKey(topic, payload)}`]) {
        const set = sets.get(name);
        if (set) for (const subscription of set) subscription.push(payload);
      }
    },
    endAll() {
      closed = true;
      for (const set of [...sets.values()]) for (const subscription of [...set]) subscription.end();
    },
    subscriberCount() {
      let count = 0;
      for (const set of sets.values()) count += set.size;
      return count;
    },
  };
}
