import type { WbTokenType } from '../token.ts';

/**
 * WB's limits per seller account and token type for each method group we call. A bucket
 * holds `burst` requests and gains one every `intervalMs`. Base tokens get far smaller
 * budgets; `null` means WB refuses the method for that token type.
 */
export const WB_METHOD_GROUPS = {
  'supplier/orders': { full: { intervalMs: 60_000, burst: 10 }, base: { intervalMs: 3 * 3_600_000, burst: 1 } },
  'supplier/sales': { full: { intervalMs: 60_000, burst: 1 }, base: { intervalMs: 2 * 3_600_000, burst: 1 } },
  'order-feed': { full: { intervalMs: 60_000, burst: 1 }, base: { intervalMs: 3 * 3_600_000, burst: 1 } },
  'stocks-report': { full: { intervalMs: 20_000, burst: 1 }, base: null },
  'warehouse-remains/create': { full: { intervalMs: 60_000, burst: 5 }, base: { intervalMs: 900_000, burst: 1 } },
  'warehouse-remains/status': { full: { intervalMs: 5_000, burst: 5 }, base: { intervalMs: 900_000, burst: 1 } },
  'warehouse-remains/download': { full: { intervalMs: 60_000, burst: 1 }, base: { intervalMs: 900_000, burst: 1 } },
  feedbacks: { full: { intervalMs: 334, burst: 6 }, base: { intervalMs: 720_000, burst: 1 } },
  'cards/list': { full: { intervalMs: 600, burst: 5 }, base: { intervalMs: 600, burst: 5 } },
  'seller-info': { full: { intervalMs: 60_000, burst: 10 }, base: { intervalMs: 86_400_000, burst: 1 } },
} as const satisfies Record<string, { full: BucketSpec; base: BucketSpec | null }>;

export interface BucketSpec {
  intervalMs: number;
  burst: number;
}

export type WbMethodGroup = keyof typeof WB_METHOD_GROUPS;

export function bucketFor(group: WbMethodGroup, tokenType: WbTokenType): BucketSpec | null {
  const spec = WB_METHOD_GROUPS[group];
  return tokenType === 'base' ? spec.base : spec.full;
}

export interface RateLimitKey {
  sellerId: string;
  tokenType: WbTokenType;
  group: WbMethodGroup;
}

export interface RateLimiter {
  /**
   * Milliseconds until one request may go (0: it may go now, and its slot is taken). A
   * limiter built with a CabinetCeiling also holds the seller's requests of every group to it.
   */
  take(key: RateLimitKey, spec: BucketSpec): Promise<number>;
  /** WB answered 429 or said nothing is left: send nothing of this group before `waitMs`. */
  block(key: RateLimitKey, waitMs: number): Promise<void>;
}

/** Pure bucket arithmetic, shared by the stores. */
export function refill(tokens: number, elapsedMs: number, spec: BucketSpec): number {
  return Math.min(spec.burst, tokens + Math.max(0, elapsedMs) / spec.intervalMs);
}
