// The emulator's virtual clock. It follows real time by default (offset 0) so a demo feels
// live, can be frozen for deterministic tests, and can be moved forward to make hours of
// shop life (cancellations, buyouts, batch publishing, bucket refills) happen instantly.
export class Clock {
  #offsetMs = 0;
  #frozenAt: number | null = null;

  constructor(options: { startMs?: number; frozen?: boolean } = {}) {
    if (options.startMs !== undefined) this.#offsetMs = options.startMs - Date.now();
    if (options.frozen) this.#frozenAt = options.startMs ?? Date.now();
  }

  now(): number {
    return this.#frozenAt ?? Date.now() + this.#offsetMs;
  }

  advance(ms: number): number {
    if (ms < 0) throw new Error('the clock only moves forward');
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
    return this.now();
  }

  set(ms: number): number {
    if (ms < this.now()) throw new Error('the clock only moves forward');
    return this.advance(ms - this.now());
  }

  get frozen(): boolean {
    return this.#frozenAt !== null;
  }
}
