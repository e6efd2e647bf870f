import type http from 'node:http';
import { bearerToken } from './authenticate.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';

/**
 * What a caller presents to prove who it is. A presented `Authorization` header must verify
 * (an integrator's typo is an error, not an empty account); a session cookie that no longer
 * verifies is a logged-out browser, which must still reach the login page.
 */
export type Credential =
  | { via: 'authorization'; token: string | undefined }
  | { via: 'cookie'; token: string }
  | { via: 'none' }
  /** The session cookie came from a page on another origin: whatever it asks, it is not the user. */
  | { via: 'foreign_origin' };

/**
 * Browsers send Origin with every cross-origin request and every WebSocket upgrade; servers (the
 * dashboard's own, integrators) send none. So a cookie counts only without Origin, from the
 * dashboard's, or from the API's own pages (GraphiQL in development), whose host is the one
 * the request went to.
 */
export function cookieAllowedFrom(headers: http.IncomingHttpHeaders, webOrigin: string): boolean {
  const { origin, host } = headers;
  if (origin === undefined || origin === webOrigin) return true;
  return URL.canParse(origin) && new URL(origin).host === host;
}

/** The credential of an HTTP request: the Authorization header when present, else the cookie. */
export function requestCredential(headers: http.IncomingHttpHeaders, webOrigin: string): Credential {
  if (headers.authorization?.trim()) return { via: 'authorization', token: bearerToken(headers.authorization) };
  const cookie = readCookie(headers.cookie, SESSION_COOKIE);
  if (!cookie) return { via: 'none' };
  return cookieAllowedFrom(headers, webOrigin) ? { via: 'cookie', token: cookie } : { via: 'foreign_origin' };
}
