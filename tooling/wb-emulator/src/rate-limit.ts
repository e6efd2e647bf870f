/**
 * WB's token buckets: one per seller + token type + method group. A bucket holds `burst`
 * requests and gains one every `intervalMs`. The "fast" profile keeps the same semantics
 * with time scaled down so tests can watch refills without waiting minutes.
 */
export type Limit = { intervalMs: number; burst: number };
export type LimitPair = { full: Limit; base: Limit | null };

const SEC = 1_000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

export const LIMITS = {
  orders: { full: { intervalMs: MIN, burst: 10 }, base: { intervalMs: 3 * HOUR, burst: 1 } },
  sales: { full: { intervalMs: MIN, burst: 1 }, base: { intervalMs: 2 * HOUR, burst: 1 } },
  'order-feed': { full: { intervalMs: MIN, burst: 1 }, base: { intervalMs: 3 * HOUR, burst: 1 } },
  'stocks-report': { full: { intervalMs: 20 * SEC, burst: 1 }, base: null },
  'warehouse-remains-create': { full: { intervalMs: MIN, burst: 5 }, base: { intervalMs: 15 * MIN, burst: 1 } },
  'warehouse-remains-status': { full: { intervalMs: 5 * SEC, burst: 5 }, base: { intervalMs: 15 * MIN, burst: 1 } },
  'warehouse-remains-download': { full: { intervalMs: MIN, burst: 1 }, base: { intervalMs: 15 * MIN, burst: 1 } },
  feedbacks: { full: { intervalMs: 333, burst: 6 }, base: { intervalMs: 12 * MIN, burst: 1 } },
  'cards-list': { full: { intervalMs: 600, burst: 5 }, base: { intervalMs: 600, burst: 5 } },
  'seller-info': { full: { intervalMs: MIN, burst: 10 }, base: { intervalMs: 24 * HOUR, burst: 1 } },
  // /ping: 3 per 30 s per host, whatever the token.
  ping: { full: { intervalMs: 10 * SEC, burst: 3 }, base: { intervalMs: 10 * SEC, burst: 3 } },
} as const satisfies Record<string, LimitPair>;

export type MethodGroup = keyof typeof LIMITS;

export type Profile = 'real' | 'fast';
/** Fast profile: one WB minute lasts 60 ms. */
export const PROFILE_SCALE: Record<Profile, number> = { real: 1, fast: 0.001 };

export type Decision =
  { allowed: true; remaining: number } | { allowed: false; retryMs: number; resetMs: number; limit: number };

type Bucket = { tokens: number; at: number };

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #scale: number;

  /** `scale` multiplies WB's intervals: PROFILE_SCALE of a profile, or any other factor. */
  constructor(scale: number) {
    this.#scale = scale;
  }

  limitFor(group: MethodGroup, isBase: boolean): Limit | null {
    const pair: LimitPair = LIMITS[group];
    const limit = isBase ? pair.base : pair.full;
    return limit && { intervalMs: limit.intervalMs * this.#scale, burst: limit.burst };
  }

  take(key: string, limit: Limit, now: number): Decision {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, at: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) / limit.intervalMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return {
      allowed: false,
      retryMs: (1 - bucket.tokens) * limit.intervalMs,
      resetMs: (limit.burst - bucket.tokens) * limit.intervalMs,
      limit: limit.burst,
    };
  }

  reset(): void {
    this.#buckets.clear();
  }
}
