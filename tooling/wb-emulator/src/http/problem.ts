import crypto from 'node:crypto';
import type { Reply } from './types.ts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const statusText = (status: number) => STATUS_TEXT[status] ?? 'Error';

export function newRequestId(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** WB's gateway problem body (401/403/429), `application/problem+json`. */
export function problem(
  status: number,
  title: string,
  detail: string,
  requestId: string,
  now: number,
  code?: string,
): Reply {
  return {
    status,
    contentType: 'application/problem+json',
    body: {
      title,
      detail,
      code: code ?? `${requestId.slice(0, 8)}-${requestId.slice(8, 20)}-[${requestId.slice(20, 32)}]`,
      requestId,
      origin: 's2s-api-auth-catalog',
      status,
      statusText: statusText(status),
      timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

export const unauthorized = (detail: string, requestId: string, now: number) =>
  problem(401, 'unauthorized', detail, requestId, now);
export const forbidden = (detail: string, requestId: string, now: number, code?: string) =>
  problem(403, 'forbidden', detail, requestId, now, code);

/** The short `{title, detail, requestId, origin}` body many WB services use for 400/404. */
export function shortError(
  status: number,
  title: string,
  detail: string,
  requestId: string,
  origin: string,
  contentType = 'application/problem+json',
): Reply {
  return { status, contentType, body: { title, detail, requestId, origin } };
}

/** The feedbacks/content envelope for errors: `{data:null,error:true,errorText,...}`. */
export function envelopeError(status: number, errorText: string, requestId: string): Reply {
  return { status, body: { data: null, error: true, errorText, additionalErrors: null, requestId } };
}

export function parseJsonBody(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: body.length === 0 ? {} : JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}
