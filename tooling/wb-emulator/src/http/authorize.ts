import { forbidden, unauthorized } from './problem.ts';
import type { Reply, Request, Route } from './types.ts';
import type { Store } from '../store.ts';
import { hasCategory, isReadOnly, tokenFromHeader, TOKEN_TYPES, type TokenClaims } from '../tokens.ts';

/** WB's gateway checks, in its order: token shape, signature, known, expiry, host, scope. */
export function authorize(store: Store, route: Route, req: Request): { claims: TokenClaims } | { reply: Reply } {
  const deny401 = (detail: string) => ({ reply: unauthorized(detail, req.requestId, req.now) });
  const header = req.headers.authorization;
  const token = tokenFromHeader(Array.isArray(header) ? header[0] : header);
  if (!token) return deny401('empty Authorization header');
  const verified = store.authority.verify(token);
  if ('malformed' in verified) return deny401(`token problem; token is malformed: ${verified.malformed}`);
  const { claims } = verified;
  const entry = store.tokens.get(claims.id);
  if (!entry || !store.sellers.has(claims.sid)) return deny401('token problem; token not found');
  if (entry.revoked) return deny401('token problem; token withdrawn');
  if (claims.exp * 1000 <= req.now) return deny401('token expired');
  if (req.sandbox && !claims.t) return deny401('token problem; only test tokens are accepted in the sandbox');
  if (!req.sandbox && claims.t) return deny401('token problem; test token is not valid for this environment');
  if (claims.t && route.testAllowed === false)
    return deny401('token problem; test token is not valid for this environment');
  const deny = (detail: string) =>
    route.deniesWith401 ? unauthorized(detail, req.requestId, req.now) : forbidden(detail, req.requestId, req.now);
  if (route.category && !hasCategory(claims.s, route.category)) {
    return { reply: route.scopeDenied?.(req.requestId) ?? deny('scope is not allowed for this resource') };
  }
  if (route.write && isReadOnly(claims.s))
    return { reply: deny('read-only token scope is not allowed for this resource') };
  if (route.baseAllowed === false && claims.acc === TOKEN_TYPES.base) {
    return {
      reply: forbidden('base token is not allowed', req.requestId, req.now, 'base token is not allowed for this path'),
    };
  }
  return { claims };
}
