import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { acceptInvite } from './accept-invite.ts';
import { createInvite } from './create-invite.ts';
import { newCabinet, newUser } from './test-fixtures.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 8 });
afterAll(() => prisma.$disconnect());

async function invitedCabinet(options: { now?: Date; ttlMs?: number } = {}) {
  const owner = await newUser(prisma);
  const cabinet = await newCabinet(prisma, { members: [owner.id], name: 'ИП Соколова' });
  const invite = await createInvite(prisma, { cabinetId: cabinet.id, userId: owner.id, ...options });
  if (!invite.ok) throw new Error(invite.message);
  return { owner, cabinet, code: invite.code };
}

describe('acceptInvite', () => {
  it('makes the teammate a member with every notification on, once', async () => {
    const { cabinet, code } = await invitedCabinet();
    const [teammate, latecomer] = [await newUser(prisma), await newUser(prisma)];
    expect(await acceptInvite(prisma, { code: ` ${code}\n`, userId: teammate.id })).toEqual({
      ok: true,
      cabinetId: cabinet.id,
      cabinetName: 'ИП Соколова',
      alreadyMember: false,
    });
    const membership = await prisma.cabinetUser.findUniqueOrThrow({
      where: { cabinetId_userId: { cabinetId: cabinet.id, userId: teammate.id } },
    });
    expect(membership.role).toBe('member');
    expect(
      await prisma.notificationSettings.findUniqueOrThrow({
        where: { userId_cabinetId: { userId: teammate.id, cabinetId: cabinet.id } },
      }),
    ).toMatchObject({ notificationsEnabled: true, newOrdersEnabled: true, criticalStocksEnabled: true });

    expect(await acceptInvite(prisma, { code, userId: latecomer.id })).toEqual({
      ok: false,
      error: 'used',
      message: 'Это приглашение уже использовано. Попросите новую ссылку.',
    });
    // Opening the same link again is harmless for the one who used it.
    expect(await acceptInvite(prisma, { code, userId: teammate.id })).toMatchObject({ ok: true, alreadyMember: true });
    expect(await prisma.cabinetUser.count({ where: { cabinetId: cabinet.id } })).toBe(2);
  });

  it('admits exactly one of several people racing for one invite', async () => {
    const { cabinet, code } = await invitedCabinet();
    const people = await Promise.all(Array.from({ length: 6 }, () => newUser(prisma)));
    const results = await Promise.all(people.map((person) => acceptInvite(prisma, { code, userId: person.id })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error === 'used')).toHaveLength(5);
    expect(await prisma.cabinetUser.count({ where: { cabinetId: cabinet.id } })).toBe(2);
    expect(await prisma.notificationSettings.count({ where: { cabinetId: cabinet.id } })).toBe(2);
  });

  it('leaves the invite unused when a member opens it', async () => {
    const { owner, cabinet, code } = await invitedCabinet();
    expect(await acceptInvite(prisma, { code, userId: owner.id })).toEqual({
      ok: true,
      cabinetId: cabinet.id,
      cabinetName: 'ИП Соколова',
      alreadyMember: true,
    });
    const teammate = await newUser(prisma);
    expect(await acceptInvite(prisma, { code, userId: teammate.id })).toMatchObject({ ok: true, alreadyMember: false });
  });

  it('refuses unknown, expired and revoked invites, each with its own message', async () => {
    const user = await newUser(prisma);
    expect(await acceptInvite(prisma, { code: 'nonsense', userId: user.id })).toEqual({
      ok: false,
      error: 'not_found',
      message: 'Приглашение не найдено. Попросите новую ссылку.',
    });

    const created = new Date('2026-11-01T12:00:00Z');
    const old = await invitedCabinet({ now: created, ttlMs: 3_600_000 });
    expect(
      await acceptInvite(prisma, { code: old.code, userId: user.id, now: new Date('2026-11-01T13:00:00Z') }),
    ).toEqual({ ok: false, error: 'expired', message: 'Срок приглашения истёк. Попросите новую ссылку.' });

    const revoked = await invitedCabinet();
    await prisma.cabinetInvite.updateMany({
      where: { cabinetId: revoked.cabinet.id },
      data: { revokedAt: new Date() },
    });
    expect(await acceptInvite(prisma, { code: revoked.code, userId: user.id })).toMatchObject({
      ok: false,
      error: 'revoked',
    });
    expect(await prisma.cabinetUser.count({ where: { userId: user.id } })).toBe(0);
  });
});
