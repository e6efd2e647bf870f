/**
 * One subscriber's queue as an async iterator. Hand-written rather than a Repeater or an async
 * generator because it must (1) receive from the moment subscribe() returns, not from the
 * first next() (a Repeater starts lazily), and (2) end at once on return() even while a next()
 * is pending (an async generator's return() waits for the pending await: an unsubscribe would
 * hang until the next event).
 */
export interface Subscription<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  /** Ends the iterator as if the consumer had called return(). */
  end(): void;
}

export interface SubscriptionOptions {
  /** Events kept for a consumer that does not read; beyond it the oldest are dropped. */
  limit: number;
  onEnd: () => void;
  onOverflow: () => void;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function createSubscription<T>({ limit, onEnd, onOverflow }: SubscriptionOptions): Subscription<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    queue.length = 0;
    waiting?.(DONE);
    waiting = null;
    onEnd();
  };

  const subscription: Subscription<T> = {
    push(value) {
      if (ended) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ done: false, value });
        return;
      }
      queue.push(value);
      // A stalled client must not grow the process: events carry ids, a client that lost some
      // re-reads the current state anyway.
      if (queue.length > limit) {
        queue.shift();
        onOverflow();
      }
    },
    end,
    next() {
      if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift() as T });
      if (ended) return Promise.resolve(DONE);
      // One reader at a time, as for-await and graphql-js do: a second next() replaces the first.
      return new Promise((resolve) => {
        waiting?.(DONE);
        waiting = resolve;
      });
    },
    return() {
      end();
      return Promise.resolve(DONE);
    },
    throw(error?: unknown) {
      end();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    },
    [Symbol.asyncIterator]() {
      return subscription;
    },
  };
  return subscription;
}
