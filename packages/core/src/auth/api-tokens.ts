import type { PrismaClient } from '@wb-assist/db';
import { hashToken, newSecretToken } from './hash-token.ts';
import { isUuid } from './uuid.ts';

/** Integrator tokens start with this, so the API can tell them from session tokens. */
export const API_TOKEN_PREFIX = 'wba_';
/** How much of the token is kept in clear: the prefix and 8 random characters (48 bits). */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 8;
const USED_PRECISION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Mints an integrator token. The token is returned here only; the database keeps its hash. */
export async function createApiToken(
  prisma: PrismaClient,
  options: { userId: string; name: string; expiresAt?: Date | null },
): Promise<{ id: string; token: string; prefix: string }> {
  const token = newSecretToken(API_TOKEN_PREFIX);
  const prefix = token.slice(0, SHOWN_LENGTH);
  const created = await prisma.apiToken.create({
    data: {
      userId: options.userId,
      name: options.name.trim(),
      tokenHash: hashToken(token),
      tokenPrefix: prefix,
      expiresAt: options.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: created.id, token, prefix };
}

/** The owner of a live token; null when unknown, expired or revoked. */
export async function verifyApiToken(
  prisma: PrismaClient,
  options: { token: string; now?: Date },
): Promise<{ userId: string; tokenId: string } | null> {
  const now = options.now ?? new Date();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= USED_PRECISION_MS) {
    // An integrator may poll many times a second: conditional, so at most one write a minute.
    const stale = new Date(now.getTime() - USED_PRECISION_MS);
    await prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { userId: row.userId, tokenId: row.id };
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(
  prisma: PrismaClient,
  options: { userId: string; tokenId: string; now?: Date },
): Promise<boolean> {
  if (!isUuid(options.tokenId)) return false;
  // The owner is part of the WHERE: another user's token id revokes nothing and says so.
  const { count } = await prisma.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count > 0;
}

/** The user's tokens, newest first, without their hashes; revoked ones only when asked. */
export async function listApiTokens(
  prisma: PrismaClient,
  options: { userId: string; includeRevoked?: boolean },
): Promise<ApiTokenView[]> {
  const rows = await prisma.apiToken.findMany({
    where: { userId: options.userId, ...(options.includeRevoked ? {} : { revokedAt: null }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      tokenPrefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  return rows.map(({ tokenPrefix, ...rest }) => ({ ...rest, prefix: tokenPrefix }));
}
