/**
 * Injected failures, per method group: the next N matching responses misbehave the way real
 * networks and WB do, so clients can prove their retries, timeouts and validation.
 */
export type FaultKind = '429' | '5xx' | 'hang' | 'malformed-json' | 'truncated' | 'wrong-type';
export const FAULT_KINDS: readonly FaultKind[] = ['429', '5xx', 'hang', 'malformed-json', 'truncated', 'wrong-type'];

export type Fault = { kind: FaultKind; remaining: number; status: number };

export class Faults {
  readonly #queues = new Map<string, Fault[]>();

  add(method: string, kind: FaultKind, count = 1, status?: number): void {
    const queue = this.#queues.get(method) ?? [];
    queue.push({ kind, remaining: count, status: status ?? (kind === '5xx' ? 500 : kind === '429' ? 429 : 200) });
    this.#queues.set(method, queue);
  }

  /** Takes the next fault for this method (or for `*`), if any. */
  take(method: string): Fault | null {
    for (const key of [method, '*']) {
      const queue = this.#queues.get(key);
      const fault = queue?.[0];
      if (!queue || !fault) continue;
      fault.remaining--;
      if (fault.remaining <= 0) queue.shift();
      return fault;
    }
    return null;
  }

  clear(): void {
    this.#queues.clear();
  }
}
