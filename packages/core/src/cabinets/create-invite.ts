import type { PrismaClient } from '@wb-assist/db';
import { hashToken, newSecretToken } from '../auth/hash-token.ts';
import { getMembership } from './membership.ts';

const DEFAULT_TTL_MS = 7 * 24 * 60 * 60_000;

export type CreateInviteResult =
  { ok: true; code: string; expiresAt: Date } | { ok: false; error: 'not_member'; message: string };

/**
 * A one-time invitation into a cabinet, so a teammate joins without ever seeing the WB key. Any
 * member may invite. The code (43 base64url characters) fits a Telegram /start payload (64
 * at most) with room for a short prefix; only its hash is stored.
 */
export async function createInvite(
  prisma: PrismaClient,
  options: { cabinetId: string; userId: string; now?: Date; ttlMs?: number },
): Promise<CreateInviteResult> {
  if (!(await getMembership(prisma, options))) {
    return { ok: false, error: 'not_member', message: 'Вы не участник этого кабинета.' };
  }
  const now = options.now ?? new Date();
  const code = newSecretToken();
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? DEFAULT_TTL_MS));
  await prisma.cabinetInvite.create({
    data: {
      cabinetId: options.cabinetId,
      createdByUserId: options.userId,
      codeHash: hashToken(code),
      expiresAt,
      createdAt: now,
    },
  });
  return { ok: true, code, expiresAt };
}
