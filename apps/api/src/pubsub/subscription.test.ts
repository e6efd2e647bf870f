import { describe, expect, it, vi } from 'vitest';
import { createSubscription } from './subscription.ts';

const make = (limit = 10) => {
  const onEnd = vi.fn();
  const onOverflow = vi.fn();
  return { subscription: createSubscription<number>({ limit, onEnd, onOverflow }), onEnd, onOverflow };
};

describe('createSubscription', () => {
  it('keeps what was pushed before the first next(), in order', async () => {
    const { subscription } = make();
    subscription.push(1);
    subscription.push(2);
    expect(await subscription.next()).toEqual({ done: false, value: 1 });
    expect(await subscription.next()).toEqual({ done: false, value: 2 });
  });

  it('resolves a waiting next() on push', async () => {
    const { subscription } = make();
    const pending = subscription.next();
    subscription.push(3);
    expect(await pending).toEqual({ done: false, value: 3 });
  });

  it('drops the oldest events of a reader that falls behind, and says so', async () => {
    const { subscription, onOverflow } = make(2);
    for (const value of [1, 2, 3, 4]) subscription.push(value);
    expect(onOverflow).toHaveBeenCalledTimes(2);
    expect(await subscription.next()).toEqual({ done: false, value: 3 });
    expect(await subscription.next()).toEqual({ done: false, value: 4 });
  });

  it('return() ends a pending next(), drops the queue and calls onEnd once', async () => {
    const { subscription, onEnd } = make();
    const pending = subscription.next();
    await subscription.return!();
    await subscription.return!();
    subscription.push(5);
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await subscription.next()).toEqual({ done: true, value: undefined });
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('ends a for-await loop on end()', async () => {
    const { subscription } = make();
    const seen: number[] = [];
    const loop = (async () => {
      for await (const value of subscription) seen.push(value);
    })();
    subscription.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    subscription.end();
    await loop;
    expect(seen).toEqual([1]);
  });
});
