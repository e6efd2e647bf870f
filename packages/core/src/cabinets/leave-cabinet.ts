import type { PrismaClient } from '@wb-assist/db';
import { suppressForMember } from '@wb-assist/delivery/history';
import { isUuid } from '../auth/uuid.ts';

export type LeaveCabinetResult =
  { ok: true; cabinetDeleted: boolean } | { ok: false; error: 'not_member'; message: string };

const NOT_MEMBER: LeaveCabinetResult = { ok: false, error: 'not_member', message: 'Вы не участник этого кабинета.' };

/**
 * Takes the user out of a cabinet: their membership, settings, open invites and undelivered
 * notifications of it go. An owner leaving hands ownership to the longest-standing member; the
 * last member leaving deletes the cabinet with its data and its encrypted key, since nobody is
 * left to be notified and nobody should keep a seller's key they no longer use.
 */
export async function leaveCabinet(
  prisma: PrismaClient,
  options: { cabinetId: string; userId: string; now?: Date },
): Promise<LeaveCabinetResult> {
  const { cabinetId, userId } = options;
  if (!isUuid(cabinetId) || !isUuid(userId)) return NOT_MEMBER;
  const now = options.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    // Serialises leaves (and joins) of one cabinet: two last members leaving at once must not
    // both see the other and leave a cabinet nobody can reach.
    const locked = await tx.$queryRaw<unknown[]>`SELECT 1 FROM cabinets WHERE id = ${cabinetId}::uuid FOR UPDATE`;
    if (locked.length === 0) return NOT_MEMBER;
    const membership = await tx.cabinetUser.findUnique({ where: { cabinetId_userId: { cabinetId, userId } } });
    if (!membership) return NOT_MEMBER;

    await tx.cabinetUser.delete({ where: { cabinetId_userId: { cabinetId, userId } } });
    const remaining = await tx.cabinetUser.findMany({
      where: { cabinetId },
      orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
      select: { userId: true, role: true },
    });
    const [successor] = remaining;
    if (!successor) {
      await tx.cabinet.delete({ where: { id: cabinetId } });
      return { ok: true, cabinetDeleted: true };
    }
    if (!remaining.some((member) => member.role === 'owner')) {
      await tx.cabinetUser.update({
        where: { cabinetId_userId: { cabinetId, userId: successor.userId } },
        data: { role: 'owner' },
      });
    }
    await tx.notificationSettings.deleteMany({ where: { cabinetId, userId } });
    // Someone who left should not be able to let others in through links they sent earlier.
    await tx.cabinetInvite.updateMany({
      where: { cabinetId, createdByUserId: userId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    // Delivery does not re-check membership: notifications queued before leaving stop here.
    await suppressForMember(tx, { cabinetId, userId }, 'left_cabinet');
    return { ok: true, cabinetDeleted: false };
  });
}
