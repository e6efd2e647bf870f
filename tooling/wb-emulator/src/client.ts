import type { SellerSummary } from './control/summary.ts';
import type { FaultKind } from './faults.ts';
import type { TrafficOptions } from './generator.ts';
import type { Category, TokenClaims, TokenType } from './tokens.ts';

export type CreateSellerInput = {
  name?: string;
  tradeMark?: string;
  products?: number;
  initialStock?: number;
  historyDays?: number;
  traffic?: Partial<TrafficOptions>;
};

export type TokenInput = {
  sid: string;
  type?: TokenType;
  categories?: Category[];
  readOnly?: boolean;
  /** Unix seconds. */
  exp?: number;
  expiresInSeconds?: number;
};

export type OrderRef = { srid: string; nmId: number; chrtId: number; warehouseId: number; date: number };
/** A moment: epoch ms or an ISO string; omitted means the emulator's now. */
export type At = number | string;
/** Fault targets: a route name (orders, sales, order-feed, stocks-report, feedbacks, cards-list, seller-info, ping, …) or `*`. */
export type FaultInput = { method: string; kind: FaultKind; count?: number; status?: number };

/** Typed client of the emulator's control API (`/__control/…`). */
export class EmulatorControl {
  readonly #base: string;

  constructor(baseUrl: string) {
    this.#base = `${baseUrl.replace(/\/$/, '')}/__control`;
  }

  async #call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: ${json.error ?? response.status}`);
    return json;
  }

  createSeller(input: CreateSellerInput = {}): Promise<SellerSummary> {
    return this.#call('POST', '/sellers', input);
  }

  seller(sid: string): Promise<SellerSummary> {
    return this.#call('GET', `/sellers/${encodeURIComponent(sid)}`);
  }

  createToken(input: TokenInput): Promise<{ token: string; id: string; claims: TokenClaims }> {
    return this.#call('POST', '/tokens', input);
  }

  revokeToken(ref: { id: string } | { token: string }): Promise<{ ok: true }> {
    return this.#call('POST', '/tokens/revoke', ref);
  }

  addOrder(sid: string, input: { chrtId?: number; warehouseId?: number; at?: At } = {}): Promise<OrderRef> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/orders`, input);
  }

  cancelOrder(sid: string, srid: string, input: { at?: At } = {}): Promise<OrderRef> {
    return this.#call('POST', `${orderPath(sid, srid)}/cancel`, input);
  }

  buyOut(
    sid: string,
    srid: string,
    input: { at?: At; fillMoneyAfterMinutes?: number } = {},
  ): Promise<OrderRef & { saleID: string }> {
    return this.#call('POST', `${orderPath(sid, srid)}/buyout`, input);
  }

  returnOrder(
    sid: string,
    srid: string,
    input: { at?: At; fillMoneyAfterMinutes?: number; defective?: boolean } = {},
  ): Promise<OrderRef & { saleID: string }> {
    return this.#call('POST', `${orderPath(sid, srid)}/return`, input);
  }

  addReview(
    sid: string,
    input: { nmId?: number; valuation?: number; text?: string; at?: At } = {},
  ): Promise<{ id: string; nmId: number; valuation: number }> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/feedbacks`, input);
  }

  addQuestion(
    sid: string,
    input: { nmId?: number; text?: string; at?: At } = {},
  ): Promise<{ id: string; nmId: number; text: string }> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/questions`, input);
  }

  /** A question as the emulator holds it: whether it was seen, declined, answered. */
  question(
    sid: string,
    id: string,
  ): Promise<{
    id: string;
    wasViewed: boolean;
    declined: boolean;
    answer: { text: string; editable: boolean } | null;
  }> {
    return this.#call('GET', `/sellers/${encodeURIComponent(sid)}/questions/${encodeURIComponent(id)}`);
  }

  /** A review as the emulator holds it: whether it was seen, and the seller's answer. */
  review(
    sid: string,
    id: string,
  ): Promise<{ id: string; wasViewed: boolean; answer: { text: string; editable: boolean } | null }> {
    return this.#call('GET', `/sellers/${encodeURIComponent(sid)}/feedbacks/${encodeURIComponent(id)}`);
  }

  setStock(sid: string, input: { chrtId: number; warehouseId: number; quantity: number }): Promise<{ ok: true }> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/stocks`, input);
  }

  transferStock(
    sid: string,
    input: { chrtId: number; fromWarehouseId: number; toWarehouseId: number; quantity: number },
  ): Promise<{ moved: number }> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/stocks/transfer`, input);
  }

  startTraffic(sid: string, traffic: Partial<TrafficOptions> = {}): Promise<{ ok: true }> {
    return this.#call('POST', `/sellers/${encodeURIComponent(sid)}/traffic`, traffic);
  }

  /** Requests per method group that reached WB's rate limiter, and how many it refused with 429. */
  stats(): Promise<{ requests: Record<string, number>; limited: Record<string, number> }> {
    return this.#call('GET', '/stats');
  }

  /** WB requests as they arrived (real epoch ms, oldest first), of one seller or of all. */
  requests(
    sid?: string,
  ): Promise<{ requests: { sid: string; group: string; method: string; path: string; at: number }[] }> {
    return this.#call('GET', sid === undefined ? '/requests' : `/requests?sid=${encodeURIComponent(sid)}`);
  }

  now(): Promise<{ now: number; iso: string; frozen: boolean }> {
    return this.#call('GET', '/clock');
  }

  advanceClock(by: {
    ms?: number;
    minutes?: number;
    hours?: number;
  }): Promise<{ now: number; iso: string; frozen: boolean }> {
    return this.#call('POST', '/clock/advance', by);
  }

  setClock(at: At): Promise<{ now: number; iso: string; frozen: boolean }> {
    return this.#call('POST', '/clock/set', { at });
  }

  injectFault(input: FaultInput): Promise<{ ok: true }> {
    return this.#call('POST', '/faults', input);
  }

  /**
   * The next `count` writes of a route (`feedbacks-answer`, `feedbacks-answer-patch`,
   * `questions-patch`, or `*`) are applied at once and answered only after `ms`.
   */
  holdReplies(input: { method: string; ms: number; count?: number }): Promise<{ ok: true }> {
    return this.#call('POST', '/holds', input);
  }

  reset(): Promise<{ ok: true }> {
    return this.#call('POST', '/reset');
  }
}

function orderPath(sid: string, srid: string): string {
  return `/sellers/${encodeURIComponent(sid)}/orders/${encodeURIComponent(srid)}`;
}
