import type { PrismaClient } from '@wb-assist/db';
import { hashToken, newSecretToken } from './hash-token.ts';

const DEFAULT_TTL_MS = 10 * 60_000;

/**
 * A one-time link into the web dashboard, minted by the bot («Веб-кабинет»). The token is
 * returned once; only its hash is stored.
 */
export async function createLoginLink(
  prisma: PrismaClient,
  options: { userId: string; now?: Date; ttlMs?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = newSecretToken('wbl_');
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? DEFAULT_TTL_MS));
  await prisma.loginLink.create({ data: { userId: options.userId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

/**
 * Spends a login link. One conditional UPDATE ... RETURNING both checks and marks it, so of two
 * concurrent uses (a link opened twice, a prefetching messenger) exactly one signs in.
 */
export async function consumeLoginLink(
  prisma: PrismaClient,
  options: { token: string; now?: Date },
): Promise<{ userId: string } | null> {
  const now = options.now ?? new Date();
  const [link] = await prisma.loginLink.updateManyAndReturn({
    where: { tokenHash: hashToken(options.token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  return link ? { userId: link.userId } : null;
}
