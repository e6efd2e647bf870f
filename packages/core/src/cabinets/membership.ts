import type { CabinetRole, CabinetStatus, PrismaClient } from '@wb-assist/db';
import { isUuid } from '../auth/uuid.ts';

export interface UserCabinet {
  cabinetId: string;
  name: string;
  sellerId: string;
  role: CabinetRole;
  status: CabinetStatus;
  lastSyncAt: Date | null;
  nextSyncAt: Date | null;
}

/** The user's cabinets in the order they joined them (the first one is the natural default). */
export async function listUserCabinets(prisma: PrismaClient, options: { userId: string }): Promise<UserCabinet[]> {
  const memberships = await prisma.cabinetUser.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: 'asc' }, { cabinetId: 'asc' }],
    select: {
      role: true,
      cabinet: {
        select: { id: true, name: true, sellerId: true, status: true, lastSyncAt: true, nextSyncAt: true },
      },
    },
  });
  return memberships.map(({ role, cabinet }) => ({
    cabinetId: cabinet.id,
    name: cabinet.name,
    sellerId: cabinet.sellerId,
    role,
    status: cabinet.status,
    lastSyncAt: cabinet.lastSyncAt,
    nextSyncAt: cabinet.nextSyncAt,
  }));
}

/** The user's role in the cabinet, or null when they are not a member: the tenant check. */
export async function getMembership(
  prisma: PrismaClient,
  options: { userId: string; cabinetId: string },
): Promise<{ role: CabinetRole } | null> {
  if (!isUuid(options.cabinetId) || !isUuid(options.userId)) return null;
  return prisma.cabinetUser.findUnique({
    where: { cabinetId_userId: { cabinetId: options.cabinetId, userId: options.userId } },
    select: { role: true },
  });
}
