import { resolveSession, verifyApiToken } from '@wb-assist/core';
import type { PrismaClient } from '@wb-assist/db';

/** Integrator tokens carry this prefix (core's createApiToken); others are session/socket tokens. */
const API_TOKEN_PREFIX = 'wba_';

export interface Viewer {
  userId: string;
  /** How the caller proved who they are; logout applies to sessions only. */
  kind: 'session' | 'api_token';
  /** The presented session token (so logout can revoke exactly this session). */
  sessionToken?: string;
  apiTokenId?: string;
}

/**
 * Verified tokens, kept for a few seconds: an integrator polling at 10 requests a second would
 * otherwise cost a token lookup per request. Logout and revocation in this process forget the
 * entry at once; another API process honours them within CACHE_MS.
 */
const CACHE_MS = 5_000;
const CACHE_LIMIT = 10_000;
const verified = new Map<string, { viewer: Viewer; until: number }>();

export function forgetToken(match: { token?: string; apiTokenId?: string }): void {
  if (match.token) verified.delete(match.token);
  if (match.apiTokenId) {
    for (const [token, entry] of verified) if (entry.viewer.apiTokenId === match.apiTokenId) verified.delete(token);
  }
}

export async function authenticate(prisma: PrismaClient, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const now = Date.now();
  const cached = verified.get(token);
  if (cached && cached.until > now) return cached.viewer;
  const viewer = await verify(prisma, token);
  if (viewer) {
    if (verified.size >= CACHE_LIMIT) verified.clear();
    verified.set(token, { viewer, until: now + CACHE_MS });
  } else {
    verified.delete(token);
  }
  return viewer;
}

async function verify(prisma: PrismaClient, token: string): Promise<Viewer | null> {
  if (token.startsWith(API_TOKEN_PREFIX)) {
    const verified = await verifyApiToken(prisma, { token });
    return verified ? { userId: verified.userId, kind: 'api_token', apiTokenId: verified.tokenId } : null;
  }
  const session = await resolveSession(prisma, { token });
  return session ? { userId: session.userId, kind: 'session', sessionToken: token } : null;
}

/** `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
