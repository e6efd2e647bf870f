import { ceilingWait, recentSends, type CabinetCeiling } from './cabinet-ceiling.ts';
import { refill, type BucketSpec, type RateLimiter, type RateLimitKey } from './groups.ts';

/** One process only (CLI checks, unit tests); workers share state through PostgresRateLimiter. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; blockedUntil: number }>();
  private readonly sent = new Map<string, number[]>();
  private readonly ceiling: CabinetCeiling | undefined;

  constructor(ceiling?: CabinetCeiling) {
    this.ceiling = ceiling;
  }

  async take(key: RateLimitKey, spec: BucketSpec): Promise<number> {
    const id = `${key.sellerId}/${key.tokenType}/${key.group}`;
    const now = Date.now();
    const bucket = this.buckets.get(id) ?? { tokens: spec.burst, at: now, blockedUntil: 0 };
    if (bucket.blockedUntil > now) return bucket.blockedUntil - now;
    const tokens = refill(bucket.tokens, now - bucket.at, spec);
    const sent = this.sent.get(key.sellerId) ?? [];
    const wait = Math.max(
      tokens >= 1 ? 0 : Math.ceil((1 - tokens) * spec.intervalMs),
      this.ceiling ? ceilingWait(sent, now, this.ceiling) : 0,
    );
    // Both budgets are spent together or not at all: a slot taken from one while waiting for
    // the other would let the request go later than the slot says.
    this.buckets.set(id, { tokens: wait === 0 ? tokens - 1 : tokens, at: now, blockedUntil: 0 });
    if (wait === 0 && this.ceiling) this.sent.set(key.sellerId, [...recentSends(sent, now, this.ceiling), now]);
    return wait;
  }

  async block(key: RateLimitKey, waitMs: number): Promise<void> {
    const id = `${key.sellerId}/${key.tokenType}/${key.group}`;
    const now = Date.now();
    const bucket = this.buckets.get(id);
    this.buckets.set(id, { tokens: 0, at: now, blockedUntil: Math.max(bucket?.blockedUntil ?? 0, now + waitMs) });
  }
}
