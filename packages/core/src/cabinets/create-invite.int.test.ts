import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { hashToken } from '../auth/hash-token.ts';
import { createInvite } from './create-invite.ts';
import { newCabinet, newUser } from './test-fixtures.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
afterAll(() => prisma.$disconnect());

describe('createInvite', () => {
  it('gives any member a week-long code that fits a Telegram /start link, stored hashed', async () => {
    const [owner, member] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id, member.id] });
    const now = new Date('2026-11-28T12:00:00Z');
    const invite = await createInvite(prisma, { cabinetId: cabinet.id, userId: member.id, now });
    if (!invite.ok) throw new Error(invite.message);
    expect(invite.expiresAt).toEqual(new Date('2026-12-05T12:00:00Z'));
    expect(`inv_${invite.code}`).toMatch(/^[\w-]{1,64}$/);
    const stored = await prisma.cabinetInvite.findFirstOrThrow({ where: { cabinetId: cabinet.id } });
    expect(stored).toMatchObject({ codeHash: hashToken(invite.code), createdByUserId: member.id, acceptedAt: null });
  });

  it('refuses a stranger', async () => {
    const [owner, stranger] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id] });
    expect(await createInvite(prisma, { cabinetId: cabinet.id, userId: stranger.id })).toEqual({
      ok: false,
      error: 'not_member',
      message: 'Вы не участник этого кабинета.',
    });
    expect(await prisma.cabinetInvite.count({ where: { cabinetId: cabinet.id } })).toBe(0);
  });
});
