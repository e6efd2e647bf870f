/**
 * Versions of statistics rows sorted by their lastChangeDate: two growable typed arrays (the
 * time and the row's sequence number), so a `dateFrom` lookup is a binary search, a page is
 * a slice walk, and a million entries cost 12 bytes each with nothing for the GC to trace.
 * A row that changes gets a new entry; the old entry is skipped when it is no longer the
 * row's version as of the published horizon.
 */
type Versioned = { seq: number; versionAsOf(horizon: number): number };

export class RowLog<T extends Versioned> {
  #times = new Float64Array(64);
  #seqs = new Int32Array(64);
  #length = 0;
  readonly #rowAt: (seq: number) => T;

  constructor(rowAt: (seq: number) => T) {
    this.#rowAt = rowAt;
  }

  get length(): number {
    return this.#length;
  }

  add(time: number, row: T): void {
    if (this.#length === this.#times.length) this.#grow();
    const last = this.#length === 0 ? -Infinity : (this.#times[this.#length - 1] as number);
    // Control calls may back-date a change; keep the order (rare, so shifting is fine).
    const at = time >= last ? this.#length : this.firstAtOrAfter(time + 1);
    this.#times.copyWithin(at + 1, at, this.#length);
    this.#seqs.copyWithin(at + 1, at, this.#length);
    this.#times[at] = time;
    this.#seqs[at] = row.seq;
    this.#length++;
  }

  /** Index of the first entry with time >= t. */
  firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#times[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Current rows (as of `horizon`) whose version time is >= `from`, oldest change first, at
   * most `limit`. `keep` filters rows (retention).
   */
  page(from: number, horizon: number, limit: number, keep: (row: T) => boolean): { time: number; row: T }[] {
    const out: { time: number; row: T }[] = [];
    for (let i = this.firstAtOrAfter(from); i < this.#length && out.length < limit; i++) {
      const time = this.#times[i] as number;
      if (time > horizon) break;
      const row = this.#rowAt(this.#seqs[i] as number);
      if (row.versionAsOf(horizon) === time && keep(row)) out.push({ time, row });
    }
    return out;
  }

  #grow(): void {
    const capacity = Math.ceil(this.#times.length * 1.5);
    const times = new Float64Array(capacity);
    times.set(this.#times);
    this.#times = times;
    const seqs = new Int32Array(capacity);
    seqs.set(this.#seqs);
    this.#seqs = seqs;
  }
}
