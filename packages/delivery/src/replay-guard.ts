import { SIGNATURE_TOLERANCE_SECONDS } from './signature.ts';

/**
 * Remembers the signatures accepted within the tolerance window, so a captured request sent
 * again — even within its five minutes — is refused. Older entries can be forgotten: verify()
 * refuses them as stale anyway.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** True the first time a signature is presented; false for a replay. */
  accept(signature: string, now = Date.now()): boolean {
    this.forget(now);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, now);
    return true;
  }

  private forget(now: number): void {
    const horizon = now - 2 * SIGNATURE_TOLERANCE_SECONDS * 1000;
    for (const [signature, at] of this.seen) {
      if (at >= horizon) break;
      this.seen.delete(signature);
    }
  }
}
