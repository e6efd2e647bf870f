/**
 * Future events of one seller's shop, run in time order as the clock reaches them. An event
 * is a shared handler plus its target (no closure per event: a thousand busy shops keep
 * hundreds of thousands of events pending).
 */
export type Handler<Owner, Target> = (at: number, target: Target, owner: Owner) => void;
type Pending<Owner> = { at: number; n: number; handler: Handler<Owner, unknown>; target: unknown };

export class EventQueue<Owner> {
  readonly #owner: Owner;
  #heap: Pending<Owner>[] = [];
  #counter = 0;

  constructor(owner: Owner) {
    this.#owner = owner;
  }

  schedule<Target>(at: number, handler: Handler<Owner, Target>, target: Target): void {
    const item: Pending<Owner> = { at, n: this.#counter++, handler: handler as Handler<Owner, unknown>, target };
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent] as Pending<Owner>)) break;
      heap[i] = heap[parent] as Pending<Owner>;
      i = parent;
    }
    heap[i] = item;
  }

  /** Runs every event due at or before `now`, including events those events schedule. */
  runUntil(now: number): void {
    for (let top = this.#heap[0]; top !== undefined && top.at <= now; top = this.#heap[0]) {
      this.#pop();
      top.handler(top.at, top.target, this.#owner);
    }
  }

  get size(): number {
    return this.#heap.length;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child =
        right < heap.length && before(heap[right] as Pending<Owner>, heap[left] as Pending<Owner>) ? right : left;
      if (!before(heap[child] as Pending<Owner>, last)) break;
      heap[i] = heap[child] as Pending<Owner>;
      i = child;
    }
    heap[i] = last;
  }
}

function before<Owner>(a: Pending<Owner>, b: Pending<Owner>): boolean {
  return a.at < b.at || (a.at === b.at && a.n < b.n);
}
