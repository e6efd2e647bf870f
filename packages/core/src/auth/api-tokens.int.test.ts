import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newUser } from '../cabinets/test-fixtures.ts';
import { hashToken } from './hash-token.ts';
import { createApiToken, listApiTokens, revokeApiToken, verifyApiToken } from './api-tokens.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
afterAll(() => prisma.$disconnect());

const at = (iso: string) => new Date(`2026-11-28T${iso}Z`);

describe('API tokens', () => {
  it('shows the token once, stores only its hash, and lists it without the secret', async () => {
    const user = await newUser(prisma);
    const created = await createApiToken(prisma, { userId: user.id, name: ' CRM ' });
    expect(created.token).toMatch(/^wba_[\w-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix).toHaveLength(12);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(created.token));

    const listed = await listApiTokens(prisma, { userId: user.id });
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'CRM',
        prefix: created.prefix,
        createdAt: row.createdAt,
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
  });

  it('verifies a live token and notes its use at most once a minute', async () => {
    const user = await newUser(prisma);
    const { id, token } = await createApiToken(prisma, { userId: user.id, name: 'BI' });
    expect(await verifyApiToken(prisma, { token, now: at('12:00:00') })).toEqual({ userId: user.id, tokenId: id });
    await verifyApiToken(prisma, { token, now: at('12:00:40') });
    const lastUsed = async () => (await prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(await lastUsed()).toEqual(at('12:00:00'));
    await verifyApiToken(prisma, { token, now: at('12:01:00') });
    expect(await lastUsed()).toEqual(at('12:01:00'));
  });

  it('lets only the owner revoke, after which the token stops working', async () => {
    const [owner, stranger] = [await newUser(prisma), await newUser(prisma)];
    const { id, token } = await createApiToken(prisma, { userId: owner.id, name: 'Склад' });
    expect(await revokeApiToken(prisma, { userId: stranger.id, tokenId: id })).toBe(false);
    expect(await verifyApiToken(prisma, { token })).not.toBeNull();
    expect(await revokeApiToken(prisma, { userId: owner.id, tokenId: 'not-a-uuid' })).toBe(false);

    expect(await revokeApiToken(prisma, { userId: owner.id, tokenId: id })).toBe(true);
    expect(await revokeApiToken(prisma, { userId: owner.id, tokenId: id })).toBe(false);
    expect(await verifyApiToken(prisma, { token })).toBeNull();
    expect(await listApiTokens(prisma, { userId: owner.id })).toEqual([]);
    expect(await listApiTokens(prisma, { userId: owner.id, includeRevoked: true })).toEqual([
      expect.objectContaining({ id, revokedAt: expect.any(Date) }),
    ]);
  });

  it('stops verifying an expired token', async () => {
    const user = await newUser(prisma);
    const { token } = await createApiToken(prisma, { userId: user.id, name: 'Temp', expiresAt: at('13:00:00') });
    expect(await verifyApiToken(prisma, { token, now: at('12:59:59') })).not.toBeNull();
    expect(await verifyApiToken(prisma, { token, now: at('13:00:00') })).toBeNull();
  });
});
