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

export async function authenticate(prisma: PrismaClient, token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
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
