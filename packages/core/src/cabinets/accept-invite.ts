import type { PrismaClient } from '@wb-assist/db';
import { hashToken } from '../auth/hash-token.ts';

export type AcceptInviteError = 'not_found' | 'expired' | 'used' | 'revoked';

export type AcceptInviteResult =
  | { ok: true; cabinetId: string; cabinetName: string; alreadyMember: boolean }
  | { ok: false; error: AcceptInviteError; message: string };

const MESSAGES: Record<AcceptInviteError, string> = {
  not_found: 'Приглашение не найдено. Попросите новую ссылку.',
  expired: 'Срок приглашения истёк. Попросите новую ссылку.',
  used: 'Это приглашение уже использовано. Попросите новую ссылку.',
  revoked: 'Это приглашение отозвано. Попросите новую ссылку.',
};

const fail = (error: AcceptInviteError): AcceptInviteResult => ({ ok: false, error, message: MESSAGES[error] });

interface InviteState {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

function problemOf(invite: InviteState | null, now: Date): AcceptInviteError | null {
  if (!invite) return 'not_found';
  if (invite.revokedAt) return 'revoked';
  if (invite.acceptedAt) return 'used';
  if (invite.expiresAt <= now) return 'expired';
  return null;
}

/**
 * Joins the invite's cabinet as a member with default notification settings, in one
 * transaction. A member who opens an invite (their own, or one they already used) is told so
 * and the invite stays as it was, still usable by the teammate it was meant for.
 */
export async function acceptInvite(
  prisma: PrismaClient,
  options: { code: string; userId: string; now?: Date },
): Promise<AcceptInviteResult> {
  const now = options.now ?? new Date();
  const codeHash = hashToken(options.code.trim());
  return prisma.$transaction(async (tx) => {
    const invite = await tx.cabinetInvite.findUnique({ where: { codeHash } });
    if (!invite) return fail('not_found');
    // Locked in the same order as leaveCabinet (cabinet, then its rows), so a concurrent last
    // member leaving either sees this member or deletes the cabinet first; never a deadlock.
    const [cabinet] = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM cabinets WHERE id = ${invite.cabinetId}::uuid FOR KEY SHARE`;
    if (!cabinet) return fail('not_found');
    const target = { cabinetId: invite.cabinetId, cabinetName: cabinet.name };

    const membership = await tx.cabinetUser.findUnique({
      where: { cabinetId_userId: { cabinetId: invite.cabinetId, userId: options.userId } },
    });
    if (membership) return { ok: true, ...target, alreadyMember: true };

    const problem = problemOf(invite, now);
    if (problem) return fail(problem);
    // The conditional UPDATE is the single-use guarantee: of two concurrent acceptances the
    // second waits for the first's row lock, then finds accepted_at set and updates nothing.
    const { count } = await tx.cabinetInvite.updateMany({
      where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedByUserId: options.userId },
    });
    if (count === 0) {
      return fail(problemOf(await tx.cabinetInvite.findUnique({ where: { id: invite.id } }), now) ?? 'used');
    }
    await tx.cabinetUser.createMany({
      data: { cabinetId: invite.cabinetId, userId: options.userId, role: 'member' },
      skipDuplicates: true,
    });
    await tx.notificationSettings.createMany({
      data: { cabinetId: invite.cabinetId, userId: options.userId },
      skipDuplicates: true,
    });
    return { ok: true, ...target, alreadyMember: false };
  });
}
