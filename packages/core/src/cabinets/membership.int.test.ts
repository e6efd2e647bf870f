import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { getMembership, listUserCabinets } from './membership.ts';
import { newCabinet, newUser } from './test-fixtures.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
afterAll(() => prisma.$disconnect());

describe('membership', () => {
  it('lists the user’s cabinets in the order they joined, with their role', async () => {
    const [anna, boris] = [await newUser(prisma), await newUser(prisma)];
    const own = await newCabinet(prisma, { members: [anna.id], name: 'ИП Соколова', status: 'initial_sync' });
    const joined = await newCabinet(prisma, { members: [boris.id], name: 'ООО Ромашка' });
    await prisma.cabinetUser.create({ data: { cabinetId: joined.id, userId: anna.id } });
    await newCabinet(prisma, { members: [boris.id], name: 'Чужой' });

    expect(await listUserCabinets(prisma, { userId: anna.id })).toEqual([
      {
        cabinetId: own.id,
        name: 'ИП Соколова',
        sellerId: own.sellerId,
        role: 'owner',
        status: 'initial_sync',
        lastSyncAt: null,
        nextSyncAt: null,
      },
      expect.objectContaining({ cabinetId: joined.id, name: 'ООО Ромашка', role: 'member', status: 'ready' }),
    ]);
    expect(await getMembership(prisma, { userId: anna.id, cabinetId: joined.id })).toEqual({ role: 'member' });
  });

  it('answers null for a stranger and for an id that is not one', async () => {
    const [anna, stranger] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [anna.id] });
    expect(await getMembership(prisma, { userId: stranger.id, cabinetId: cabinet.id })).toBeNull();
    expect(await getMembership(prisma, { userId: anna.id, cabinetId: '1 OR 1=1' })).toBeNull();
    expect(await listUserCabinets(prisma, { userId: stranger.id })).toEqual([]);
  });
});
