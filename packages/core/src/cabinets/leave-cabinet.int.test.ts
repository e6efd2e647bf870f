import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { acceptInvite } from './accept-invite.ts';
import { createInvite } from './create-invite.ts';
import { leaveCabinet } from './leave-cabinet.ts';
import { newCabinet, newUser } from './test-fixtures.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 8 });
afterAll(() => prisma.$disconnect());

const roles = async (cabinetId: string) =>
  (await prisma.cabinetUser.findMany({ where: { cabinetId }, orderBy: { createdAt: 'asc' } })).map((member) => [
    member.userId,
    member.role,
  ]);

describe('leaveCabinet', () => {
  it('hands ownership to the longest-standing member and forgets the leaver’s settings', async () => {
    const [owner, first, second] = [await newUser(prisma), await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id, first.id, second.id] });
    expect(await leaveCabinet(prisma, { cabinetId: cabinet.id, userId: owner.id })).toEqual({
      ok: true,
      cabinetDeleted: false,
    });
    expect(await roles(cabinet.id)).toEqual([
      [first.id, 'owner'],
      [second.id, 'member'],
    ]);
    expect(await prisma.notificationSettings.count({ where: { cabinetId: cabinet.id, userId: owner.id } })).toBe(0);
    expect(await prisma.notificationSettings.count({ where: { cabinetId: cabinet.id } })).toBe(2);
  });

  it('keeps the owner when a member leaves, closes the invites that member sent and stops their queued notifications', async () => {
    const [owner, member, friend] = [await newUser(prisma), await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id, member.id] });
    const invite = await createInvite(prisma, { cabinetId: cabinet.id, userId: member.id });
    if (!invite.ok) throw new Error(invite.message);
    const event = await prisma.outboxEvent.create({
      data: {
        cabinetId: cabinet.id,
        type: 'new_order',
        eventKey: `order:${cabinet.id}`,
        occurredAt: new Date(),
        payload: {},
      },
    });
    for (const userId of [owner.id, member.id]) {
      await prisma.notificationHistory.create({
        data: {
          userId,
          cabinetId: cabinet.id,
          outboxEventId: event.id,
          eventKey: event.eventKey,
          type: event.type,
          occurredAt: event.occurredAt,
        },
      });
    }
    await leaveCabinet(prisma, { cabinetId: cabinet.id, userId: member.id });
    expect(await roles(cabinet.id)).toEqual([[owner.id, 'owner']]);
    // What was queued for the leaver is not sent any more; the owner's notification still is.
    const queued = await prisma.notificationHistory.findMany({
      where: { cabinetId: cabinet.id },
      orderBy: { id: 'asc' },
    });
    expect(queued.map((row) => [row.userId, row.status, row.reason])).toEqual([
      [owner.id, 'pending', null],
      [member.id, 'suppressed', 'left_cabinet'],
    ]);
    expect(await acceptInvite(prisma, { code: invite.code, userId: friend.id })).toMatchObject({ error: 'revoked' });
  });

  it('deletes the cabinet with its key when the last member leaves', async () => {
    const owner = await newUser(prisma);
    const cabinet = await newCabinet(prisma, { members: [owner.id] });
    expect(await leaveCabinet(prisma, { cabinetId: cabinet.id, userId: owner.id })).toEqual({
      ok: true,
      cabinetDeleted: true,
    });
    expect(await prisma.cabinet.findUnique({ where: { id: cabinet.id } })).toBeNull();
    expect(await prisma.notificationSettings.count({ where: { cabinetId: cabinet.id } })).toBe(0);
    expect(await prisma.user.findUnique({ where: { id: owner.id } })).not.toBeNull();
  });

  it('deletes the cabinet when its last two members leave at the same moment', async () => {
    const [a, b] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [a.id, b.id] });
    const results = await Promise.all([
      leaveCabinet(prisma, { cabinetId: cabinet.id, userId: a.id }),
      leaveCabinet(prisma, { cabinetId: cabinet.id, userId: b.id }),
    ]);
    expect(results.map((result) => result.ok && result.cabinetDeleted).sort()).toEqual([false, true]);
    expect(await prisma.cabinet.findUnique({ where: { id: cabinet.id } })).toBeNull();
  });

  it('refuses someone who is not a member', async () => {
    const [owner, stranger] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id] });
    const refusal = { ok: false, error: 'not_member', message: 'Вы не участник этого кабинета.' };
    expect(await leaveCabinet(prisma, { cabinetId: cabinet.id, userId: stranger.id })).toEqual(refusal);
    expect(await leaveCabinet(prisma, { cabinetId: 'garbage', userId: owner.id })).toEqual(refusal);
    expect(await roles(cabinet.id)).toEqual([[owner.id, 'owner']]);
  });
});
