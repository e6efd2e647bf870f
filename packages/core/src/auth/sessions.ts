import type { PrismaClient } from '@wb-assist/db';
import { hashToken, newSecretToken } from './hash-token.ts';

const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
const SOCKET_TOKEN_TTL_MS = 5 * 60_000;
/** last_seen_at is for "active sessions" lists, not auditing: one write a minute is enough. */
const SEEN_PRECISION_MS = 60_000;

export interface CreatedSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
}

/** A web session; the token goes into an httpOnly cookie, its hash into `sessions`. */
export async function createSession(
  prisma: PrismaClient,
  options: { userId: string; userAgent?: string | null; now?: Date; ttlMs?: number },
): Promise<CreatedSession> {
  const now = options.now ?? new Date();
  const token = newSecretToken('wbs_');
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS));
  const session = await prisma.session.create({
    data: {
      userId: options.userId,
      tokenHash: hashToken(token),
      userAgent: options.userAgent ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
    select: { id: true },
  });
  return { sessionId: session.id, token, expiresAt };
}

/**
 * A short-lived token for graphql-ws connectionParams: the browser's JavaScript must hold it,
 * so it must not be the long-lived cookie session. It is a session that expires in minutes.
 */
export async function createSocketToken(
  prisma: PrismaClient,
  options: { userId: string; now?: Date; ttlMs?: number },
): Promise<CreatedSession> {
  return createSession(prisma, {
    userId: options.userId,
    userAgent: 'websocket',
    ttlMs: options.ttlMs ?? SOCKET_TOKEN_TTL_MS,
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Who a session token belongs to; null when unknown, expired or revoked. */
export async function resolveSession(
  prisma: PrismaClient,
  options: { token: string; now?: Date },
): Promise<{ userId: string; sessionId: string } | null> {
  const now = options.now ?? new Date();
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: { id: true, userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SEEN_PRECISION_MS) {
    // Conditional, so a burst of parallel requests writes once, not once each.
    await prisma.session.updateMany({
      where: { id: session.id, lastSeenAt: { lte: new Date(now.getTime() - SEEN_PRECISION_MS) } },
      data: { lastSeenAt: now },
    });
  }
  return { userId: session.userId, sessionId: session.id };
}

/** Logs a session out; unknown or already revoked tokens are fine (logout is idempotent). */
export async function revokeSession(prisma: PrismaClient, options: { token: string; now?: Date }): Promise<void> {
  await prisma.session.updateMany({
    where: { tokenHash: hashToken(options.token), revokedAt: null },
    data: { revokedAt: options.now ?? new Date() },
  });
}
