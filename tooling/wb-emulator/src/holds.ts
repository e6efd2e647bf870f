/**
 * Held replies, per write route: the next N matching writes are applied at once but answered
 * only after `ms`, so a test can let a client give up (or be killed) after WB took the write
 * and before the client heard so.
 */
export type Hold = { ms: number; remaining: number };

export class Holds {
  readonly #queues = new Map<string, Hold[]>();

  add(method: string, ms: number, count = 1): void {
    const queue = this.#queues.get(method) ?? [];
    queue.push({ ms, remaining: count });
    this.#queues.set(method, queue);
  }

  /** Milliseconds to hold the reply of this write (or of any write, `*`); 0 when none is set. */
  take(method: string): number {
    for (const key of [method, '*']) {
      const queue = this.#queues.get(key);
      const hold = queue?.[0];
      if (!queue || !hold) continue;
      hold.remaining--;
      if (hold.remaining <= 0) queue.shift();
      return hold.ms;
    }
    return 0;
  }

  clear(): void {
    this.#queues.clear();
  }
}
