import { SIGNATURE_TOLERANCE_SECONDS, type Signature } from './signature.ts';

/**
 * Remembers the signatures accepted within the tolerance window, so a captured request sent
 * again — even within its five minutes — is refused. Older entries can be forgotten: verify()
 * refuses them as stale anyway.
 *
 * It remembers what the header says (time and digest as parsed by verify), not how it was
 * written: the raw header let a replay through with its parts swapped or `t` zero-padded.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time a signature is presented; false for a replay. */
  accept(signature: Signature, now = Date.now()): boolean {
    this.forget(now);
    const key = `${signature.timestamp}:${signature.digest}`;
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }

  private forget(now: number): void {
    const horizon = now - 2 * SIGNATURE_TOLERANCE_SECONDS * 1000;
    for (const [key, at] of this.seen) {
      if (at >= horizon) break;
      this.seen.delete(key);
    }
  }
}
