import type { Clock } from './clock.ts';
import { Faults } from './faults.ts';
import { Holds } from './holds.ts';
import { startTraffic, type TrafficOptions } from './generator.ts';
import type { Profile } from './rate-limit.ts';
import { PROFILE_SCALE, RateLimiter } from './rate-limit.ts';
import { createSeller, type SellerOptions } from './seller/create-seller.ts';
import type { Seller } from './seller/seller.ts';
import {
  scopeBits,
  TokenAuthority,
  TOKEN_TYPES,
  ALL_CATEGORIES,
  type AuthorityKey,
  type MintOptions,
  type TokenClaims,
} from './tokens.ts';
import { Random } from './random.ts';

export type EmulatorOptions = {
  seed: number;
  profile: Profile;
  /** Rows per statistics page with flag=0 (WB: 80,000). */
  pageLimit: number;
  /** Statistics publishes changes in batches this many minutes apart; 0 publishes at once. */
  publishIntervalMinutes: number;
  retentionDays: number;
  /** Minutes a warehouse_remains task spends before it is done. */
  reportReadyMinutes: number;
  /** False only for tests of other concerns: every request passes (headers still sent). */
  rateLimits: boolean;
  /** Overrides the profile's time scale of rate limits (1: WB's own; fast: 0.001). */
  rateLimitScale?: number;
};

export type RemainsTask = {
  id: string;
  sid: string;
  createdAt: number;
  status: 'new' | 'processing' | 'done' | 'purged' | 'canceled';
};

export type CreateSellerOptions = SellerOptions & {
  /** Backfill this many days of history at `ordersPerDay` (orders, cancellations, buyouts…). */
  historyDays?: number;
  traffic?: Partial<TrafficOptions>;
};

/** `at`: epoch milliseconds with a fraction, as the request arrived; pacing tests measure gaps of a few. */
export type RequestLogEntry = { sid: string; group: string; method: string; path: string; at: number };

const REQUEST_LOG_SIZE = 10_000;

/** A seller as it was asked for: replaying it on the same seed rebuilds the same shop. */
export type CreatedSeller = { no: number; createdAt: number; options: CreateSellerOptions };

/**
 * What a restart must keep for issued keys to stay valid (see state-file.ts): the signing key,
 * the tokens, the sellers as created, and where the token random stands. Shops are rebuilt from
 * their seed rather than stored, so their life goes on where it would have been.
 */
export type EmulatorState = {
  version: 1;
  seed: number;
  key: AuthorityKey;
  random: number;
  sellers: CreatedSeller[];
  tokens: { claims: TokenClaims; revoked: boolean }[];
};

/** Everything the emulator knows; reset() brings it back to a fresh start. */
export class Store {
  readonly options: EmulatorOptions;
  readonly clock: Clock;
  authority = new TokenAuthority();
  readonly limiter: RateLimiter;
  readonly faults = new Faults();
  readonly holds = new Holds();
  sellers = new Map<string, Seller>();
  tokens = new Map<string, { claims: TokenClaims; revoked: boolean }>();
  tasks = new Map<string, RemainsTask>();
  /** Per method group: requests that reached the rate limiter, and those it refused (429). */
  stats = { requests: {} as Record<string, number>, limited: {} as Record<string, number> };
  /**
   * Every authorised WB request as it arrived, on the real (not the emulated) clock, so tests
   * can measure how a client paces itself. The oldest go first past REQUEST_LOG_SIZE, so a
   * long-running demo does not grow without end.
   */
  requestLog: RequestLogEntry[] = [];
  /** Called after every change a restart must keep (sellers, tokens); state-file.ts saves then. */
  onChange: (() => void) | null = null;
  #random: Random;
  #sellerCount = 0;
  #created: CreatedSeller[] = [];

  constructor(options: EmulatorOptions, clock: Clock) {
    this.options = options;
    this.clock = clock;
    this.limiter = new RateLimiter(options.rateLimitScale ?? PROFILE_SCALE[options.profile]);
    this.#random = new Random(options.seed);
  }

  createSeller(options: CreateSellerOptions = {}): Seller {
    const now = this.clock.now();
    const seller = this.#build(++this.#sellerCount, now, options);
    this.#created.push({ no: seller.no, createdAt: now, options: structuredClone(options) });
    this.onChange?.();
    return seller;
  }

  #build(no: number, now: number, options: CreateSellerOptions): Seller {
    const seller = createSeller(no, this.options.seed, now, options);
    if (this.sellers.has(seller.sid)) throw new Error(`seller ${seller.sid} exists`);
    this.sellers.set(seller.sid, seller);
    if (options.traffic !== undefined || options.historyDays !== undefined) {
      startTraffic(seller, options.traffic ?? {}, now - (options.historyDays ?? 0) * 86_400_000);
      seller.advanceTo(now);
    }
    return seller;
  }

  /** The seller, with its shop brought up to the current moment. */
  seller(sid: string): Seller | undefined {
    const seller = this.sellers.get(sid);
    seller?.advanceTo(this.clock.now());
    return seller;
  }

  mintToken(options: MintOptions): { token: string; claims: TokenClaims } {
    if (!this.sellers.has(options.sid)) throw new Error(`unknown seller ${options.sid}`);
    const type = options.type ?? 'personal';
    const nowSec = Math.floor(this.clock.now() / 1000);
    const claims: TokenClaims = {
      ent: 1,
      exp: options.exp ?? nowSec + 180 * 86_400,
      id: this.#random.uuid(),
      iid: this.#random.int(10_000_000, 99_999_999),
      oid: this.#random.int(100_000, 9_999_999),
      s: scopeBits(options.categories ?? ALL_CATEGORIES, options.readOnly ?? false),
      sid: options.sid,
      t: type === 'test',
      uid: this.#random.int(10_000_000, 99_999_999),
      acc: TOKEN_TYPES[type],
      for: 'self',
    };
    this.tokens.set(claims.id, { claims, revoked: false });
    this.onChange?.();
    return { token: this.authority.mint(claims), claims };
  }

  revokeToken(id: string): boolean {
    const entry = this.tokens.get(id);
    if (!entry) return false;
    entry.revoked = true;
    this.onChange?.();
    return true;
  }

  snapshot(): EmulatorState {
    return {
      version: 1,
      seed: this.options.seed,
      key: this.authority.exportKey(),
      random: this.#random.state,
      sellers: this.#created,
      tokens: [...this.tokens.values()],
    };
  }

  /** Back to a saved state: the same signing key, tokens and sellers (rebuilt at their creation time). */
  restore(state: EmulatorState): void {
    if (state.version !== 1) throw new Error(`unknown emulator state version ${String(state.version)}`);
    // Shops are rebuilt from the seed: another seed would give the same sellers other data.
    if (state.seed !== this.options.seed) {
      throw new Error(`the saved emulator state has seed ${state.seed}, this emulator ${this.options.seed}`);
    }
    this.authority = new TokenAuthority(state.key);
    this.sellers = new Map();
    this.#created = [];
    for (const created of state.sellers) {
      this.#build(created.no, created.createdAt, created.options);
      this.#created.push(created);
    }
    this.#sellerCount = Math.max(0, ...state.sellers.map((created) => created.no));
    this.tokens = new Map(state.tokens.map((entry) => [entry.claims.id, { ...entry }]));
    this.#random = Random.resume(state.random);
  }

  /** Publication horizon: changes after it are not yet visible in statistics. */
  statisticsHorizon(now: number): number {
    const interval = this.options.publishIntervalMinutes * 60_000;
    return interval > 0 ? Math.floor(now / interval) * interval : now;
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > REQUEST_LOG_SIZE) this.requestLog.splice(0, this.requestLog.length - REQUEST_LOG_SIZE);
  }

  newTaskId(): string {
    return this.#random.uuid();
  }

  reset(): void {
    this.sellers = new Map();
    this.tokens = new Map();
    this.tasks = new Map();
    this.faults.clear();
    this.holds.clear();
    this.limiter.reset();
    this.stats = { requests: {}, limited: {} };
    this.requestLog = [];
    this.#random = new Random(this.options.seed);
    this.#sellerCount = 0;
    this.#created = [];
    this.onChange?.();
  }
}
