import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newUser } from '../cabinets/test-fixtures.ts';
import { hashToken } from './hash-token.ts';
import { consumeLoginLink, createLoginLink } from './login-links.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 8 });
afterAll(() => prisma.$disconnect());

describe('login links', () => {
  it('signs the user in once; the same link a second time does nothing', async () => {
    const user = await newUser(prisma);
    const now = new Date('2026-11-28T12:00:00Z');
    const link = await createLoginLink(prisma, { userId: user.id, now });
    expect(link.expiresAt).toEqual(new Date('2026-11-28T12:10:00Z'));
    const stored = await prisma.loginLink.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(link.token));
    expect(stored.tokenHash).not.toContain(link.token);

    expect(await consumeLoginLink(prisma, { token: link.token, now })).toEqual({ userId: user.id });
    expect(await consumeLoginLink(prisma, { token: link.token, now })).toBeNull();
  });

  it('lets exactly one of many simultaneous uses through', async () => {
    const user = await newUser(prisma);
    const { token } = await createLoginLink(prisma, { userId: user.id });
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeLoginLink(prisma, { token })));
    expect(results.filter(Boolean)).toEqual([{ userId: user.id }]);
  });

  it('refuses an expired link and an unknown one', async () => {
    const user = await newUser(prisma);
    const now = new Date('2026-11-28T12:00:00Z');
    const { token } = await createLoginLink(prisma, { userId: user.id, now, ttlMs: 60_000 });
    expect(await consumeLoginLink(prisma, { token, now: new Date('2026-11-28T12:01:00Z') })).toBeNull();
    expect(await consumeLoginLink(prisma, { token: `${token}x`, now })).toBeNull();
  });
});
