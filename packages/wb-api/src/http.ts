import pRetry, { AbortError } from 'p-retry';
import { WbApiError } from './errors.ts';
import { withArrivalMargin } from './rate-limit/cabinet-ceiling.ts';
import { bucketFor, type RateLimiter, type WbMethodGroup } from './rate-limit/groups.ts';
import type { WbTokenType } from './token.ts';

export type WbHost = 'statistics' | 'analytics' | 'feedbacks' | 'content' | 'common';
export type WbHosts = Record<WbHost, string>;

export interface WbTransportOptions {
  /** The raw key. Sent as the Authorization header, never logged or put in an error. */
  token: string;
  sellerId: string;
  tokenType: WbTokenType;
  hosts: WbHosts;
  limiter: RateLimiter;
  /** Per request. */
  timeoutMs?: number;
  /** Longest wait for a rate-limit slot inside one call; longer waits end the call as rate_limited. */
  maxWaitMs?: number;
  /** Retries of 5xx, timeouts and broken bodies. */
  retries?: number;
  /** Backoff: first delay and cap (the specification caps it at 5 minutes). */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Multiplies WB's rate-limit intervals: 1 for WB itself; the WB emulator's fast profile
   * (a WB minute lasts 60 ms) is matched with 0.001.
   */
  rateLimitScale?: number;
  /** Stops retrying and waiting (shutdown): the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Metrics and logs: one call per HTTP answer (or failure to get one). */
  onResponse?: (event: { group: WbMethodGroup; status: number | 'timeout' | 'network'; durationMs: number }) => void;
}

export interface WbRequest {
  host: WbHost;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  group: WbMethodGroup;
  /**
   * A write WB may have applied even when no answer came back: a timeout or a broken
   * connection is not retried (the caller reconciles by reading), only a 5xx or a 429 is.
   */
  write?: boolean;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function secondsHeader(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** WB's problem body: {title, detail, code, ...}; statistics: {errors: [...] | "..."}. */
function describeBody(body: string): string {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    if (typeof parsed.detail === 'string') return parsed.detail;
    if (Array.isArray(parsed.errors)) return parsed.errors.join('; ');
    if (typeof parsed.errors === 'string') return parsed.errors;
    if (typeof parsed.errorText === 'string' && parsed.errorText) return parsed.errorText;
    if (typeof parsed.title === 'string') return parsed.title;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200);
}

/** Maps an HTTP answer to the typed error the sync acts on. */
function errorFor(status: number, detail: string, group: WbMethodGroup, retryAfterMs?: number): WbApiError {
  const base = { method: group, status };
  if ((status === 401 || status === 403) && /read.?only/i.test(detail))
    return new WbApiError({ ...base, code: 'read_only', message: `${group}: ${detail}` });
  if (status === 401 && /scope/i.test(detail))
    return new WbApiError({ ...base, code: 'scope_missing', message: `${group}: ${detail}` });
  if (status === 401 && /expired/i.test(detail))
    return new WbApiError({ ...base, code: 'token_expired', message: `${group}: ${detail}` });
  if (status === 401) return new WbApiError({ ...base, code: 'invalid_token', message: `${group}: ${detail}` });
  if (status === 403) return new WbApiError({ ...base, code: 'scope_missing', message: `${group}: ${detail}` });
  if (status === 429) {
    return new WbApiError({
      ...base,
      code: 'rate_limited',
      message: `${group}: rate limited for ${retryAfterMs} ms`,
      retryAfterMs,
    });
  }
  if (status >= 500)
    return new WbApiError({ ...base, code: 'unavailable', message: `${group}: WB answered ${status} ${detail}` });
  return new WbApiError({ ...base, code: 'bad_request', message: `${group}: WB answered ${status}: ${detail}` });
}

export type WbTransport = <T = unknown>(request: WbRequest) => Promise<T>;

/**
 * Sends one WB request within the shared rate limit: waits for a slot, honours
 * X-Ratelimit-Retry / X-Ratelimit-Reset / Retry-After on 429, retries 5xx, timeouts and
 * broken bodies with exponential backoff and jitter (capped), and gives up with a typed error.
 */
export function createTransport(options: WbTransportOptions): WbTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxWaitMs = options.maxWaitMs ?? 60_000;

  const scale = options.rateLimitScale ?? 1;
  /** The group's interval as this client keeps it: WB's, scaled, with the arrival margin. */
  const keptInterval = (group: WbMethodGroup) =>
    withArrivalMargin((bucketFor(group, options.tokenType)?.intervalMs ?? 60_000) * scale);

  async function waitForSlot(group: WbMethodGroup): Promise<void> {
    const wbSpec = bucketFor(group, options.tokenType);
    const spec = wbSpec && { burst: wbSpec.burst, intervalMs: withArrivalMargin(wbSpec.intervalMs * scale) };
    if (!spec) {
      throw new AbortError(
        new WbApiError({
          code: 'scope_missing',
          method: group,
          message: `${group} is not available for ${options.tokenType} tokens`,
        }),
      );
    }
    const key = { sellerId: options.sellerId, tokenType: options.tokenType, group };
    for (;;) {
      const wait = await options.limiter.take(key, spec);
      if (wait === 0) return;
      if (wait > maxWaitMs) {
        throw new AbortError(
          new WbApiError({
            code: 'rate_limited',
            method: group,
            message: `${group}: next slot in ${wait} ms`,
            retryAfterMs: wait,
          }),
        );
      }
      await sleep(wait);
    }
  }

  async function attempt(request: WbRequest): Promise<unknown> {
    await waitForSlot(request.group);
    const url = new URL(request.path, `${options.hosts[request.host]}/`);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          Authorization: options.token,
          Accept: 'application/json',
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      options.onResponse?.({
        group: request.group,
        status: timedOut ? 'timeout' : 'network',
        durationMs: performance.now() - started,
      });
      const failure = new WbApiError({
        code: timedOut ? 'timeout' : 'unavailable',
        method: request.group,
        message: timedOut
          ? `${request.group}: no answer within ${timeoutMs} ms`
          : `${request.group}: ${(error as Error).message}`,
      });
      throw request.write ? new AbortError(failure) : failure;
    }
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      throw new WbApiError({
        code: 'bad_response',
        method: request.group,
        status: response.status,
        message: `${request.group}: body cut off (${(error as Error).message})`,
      });
    }
    options.onResponse?.({ group: request.group, status: response.status, durationMs: performance.now() - started });

    if (response.status === 429) {
      const retryAfterMs =
        secondsHeader(response.headers, 'X-Ratelimit-Retry') ??
        secondsHeader(response.headers, 'Retry-After') ??
        secondsHeader(response.headers, 'X-Ratelimit-Reset') ??
        keptInterval(request.group);
      await options.limiter.block(
        { sellerId: options.sellerId, tokenType: options.tokenType, group: request.group },
        retryAfterMs,
      );
      const error = errorFor(429, '', request.group, retryAfterMs);
      throw retryAfterMs > maxWaitMs ? new AbortError(error) : error;
    }
    // Other programs of the same seller spend WB's budget too: when WB says none is left, wait
    // a full interval even if our own bucket thinks otherwise.
    if (response.ok && response.headers.get('X-Ratelimit-Remaining') === '0') {
      await options.limiter.block(
        { sellerId: options.sellerId, tokenType: options.tokenType, group: request.group },
        keptInterval(request.group),
      );
    }
    if (!response.ok) {
      const error = errorFor(response.status, describeBody(body), request.group);
      throw error.code === 'unavailable' ? error : new AbortError(error);
    }
    // WB's writes answer 204 with no body.
    if (body === '') return null;
    try {
      return JSON.parse(body);
    } catch {
      throw new WbApiError({
        code: 'bad_response',
        method: request.group,
        status: response.status,
        message: `${request.group}: answer is not valid JSON (${body.length} bytes)`,
      });
    }
  }

  // pRetry rejects with the error an AbortError wraps, so callers always see a WbApiError.
  return async <T>(request: WbRequest): Promise<T> =>
    (await pRetry(() => attempt(request), {
      retries: options.retries ?? 4,
      factor: 2,
      minTimeout: options.minBackoffMs ?? 1_000,
      maxTimeout: options.maxBackoffMs ?? 300_000,
      randomize: true,
      // A 429 we may wait out is not a failure: the next attempt waits for the slot itself.
      shouldConsumeRetry: ({ error }) => !(error instanceof WbApiError && error.code === 'rate_limited'),
      maxRetryTime: Math.max(maxWaitMs * 4, 10 * 60_000),
      signal: options.signal,
    })) as T;
}
