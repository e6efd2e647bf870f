import { refill, type BucketSpec, type RateLimiter, type RateLimitKey } from './groups.ts';

/** One process only (CLI checks, unit tests); workers share state through PostgresRateLimiter. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; blockedUntil: number }>();

  async take(key: RateLimitKey, spec: BucketSpec): Promise<number> {
    const id = `${key.sellerId}/${key.tokenType}/${key.group}`;
    const now = Date.now();
    const bucket = this.buckets.get(id) ?? { tokens: spec.burst, at: now, blockedUntil: 0 };
    if (bucket.blockedUntil > now) return bucket.blockedUntil - now;
    const tokens = refill(bucket.tokens, now - bucket.at, spec);
    if (tokens >= 1) {
      this.buckets.set(id, { tokens: tokens - 1, at: now, blockedUntil: 0 });
      return 0;
    }
    this.buckets.set(id, { tokens, at: now, blockedUntil: 0 });
    return Math.ceil((1 - tokens) * spec.intervalMs);
  }

  async block(key: RateLimitKey, waitMs: number): Promise<void> {
    const id = `${key.sellerId}/${key.tokenType}/${key.group}`;
    const now = Date.now();
    const bucket = this.buckets.get(id);
    this.buckets.set(id, { tokens: 0, at: now, blockedUntil: Math.max(bucket?.blockedUntil ?? 0, now + waitMs) });
  }
}
