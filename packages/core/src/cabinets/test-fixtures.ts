import { randomBytes, randomInt } from 'node:crypto';
import type { CabinetStatus, PrismaClient } from '@wb-assist/db';

/** Rows the integration tests of these operations start from, created directly. */

export async function newUser(prisma: PrismaClient) {
  return prisma.user.create({ data: { telegramId: BigInt(randomInt(1, 2 ** 47)) } });
}

export async function newCabinet(
  prisma: PrismaClient,
  options: {
    members: string[];
    status?: CabinetStatus;
    lastSyncAt?: Date | null;
    nextSyncAt?: Date | null;
    name?: string;
  },
) {
  const sellerId = randomBytes(8).toString('hex');
  const cabinet = await prisma.cabinet.create({
    data: {
      sellerId,
      name: options.name ?? `ИП ${sellerId.slice(0, 4)}`,
      tokenEncrypted: 'v1:test',
      tokenFingerprint: randomBytes(16).toString('hex'),
      tokenType: 'personal',
      tokenScopes: 0,
      tokenExpiresAt: new Date(Date.now() + 90 * 86_400_000),
      status: options.status ?? 'ready',
      lastSyncAt: options.lastSyncAt ?? null,
      nextSyncAt: options.nextSyncAt ?? null,
    },
  });
  // Joined one after another, as people do: the first is the owner and the longest-standing.
  for (const [index, userId] of options.members.entries()) {
    await prisma.cabinetUser.create({
      data: {
        cabinetId: cabinet.id,
        userId,
        role: index === 0 ? 'owner' : 'member',
        createdAt: new Date(Date.now() - (options.members.length - index) * 60_000),
      },
    });
    await prisma.notificationSettings.create({ data: { cabinetId: cabinet.id, userId } });
  }
  return cabinet;
}
