/**
 * Every way a WB call can fail, as one typed error the sync can act on:
 * auth failures pause the cabinet, rate limits reschedule, unavailability retries,
 * bad responses are reported.
 */
export type WbErrorCode =
  | 'invalid_token'
  | 'token_expired'
  | 'scope_missing'
  /** The key has WB's read-only bit: every write is refused. */
  | 'read_only'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'bad_request'
  | 'bad_response';

export class WbApiError extends Error {
  readonly code: WbErrorCode;
  readonly status: number | undefined;
  /** The method group called, e.g. "supplier/orders". */
  readonly method: string;
  /** For rate_limited: how long WB asks us to wait. */
  readonly retryAfterMs: number | undefined;

  constructor(options: { code: WbErrorCode; method: string; message: string; status?: number; retryAfterMs?: number }) {
    super(options.message);
    this.name = 'WbApiError';
    this.code = options.code;
    this.method = options.method;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The key is no good any more: stop syncing until the seller gives a new one. */
  get isAuthFailure(): boolean {
    return this.code === 'invalid_token' || this.code === 'token_expired';
  }

  /** Worth trying again later with the same request. */
  get isTransient(): boolean {
    return this.code === 'unavailable' || this.code === 'timeout' || this.code === 'rate_limited';
  }
}
