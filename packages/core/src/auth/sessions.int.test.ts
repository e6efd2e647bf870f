import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newUser } from '../cabinets/test-fixtures.ts';
import { hashToken } from './hash-token.ts';
import { createSession, createSocketToken, resolveSession, revokeSession } from './sessions.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
afterAll(() => prisma.$disconnect());

const at = (iso: string) => new Date(`2026-11-28T${iso}Z`);

describe('sessions', () => {
  it('knows the user for 30 days, then not', async () => {
    const user = await newUser(prisma);
    const session = await createSession(prisma, { userId: user.id, userAgent: 'Firefox', now: at('12:00:00') });
    expect(session.expiresAt).toEqual(new Date('2026-12-28T12:00:00Z'));
    const stored = await prisma.session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(stored).toMatchObject({ tokenHash: hashToken(session.token), userAgent: 'Firefox' });

    expect(await resolveSession(prisma, { token: session.token, now: at('13:00:00') })).toEqual({
      userId: user.id,
      sessionId: session.sessionId,
    });
    expect(await resolveSession(prisma, { token: session.token, now: new Date('2026-12-28T12:00:00Z') })).toBeNull();
    expect(await resolveSession(prisma, { token: 'wbs_unknown', now: at('13:00:00') })).toBeNull();
  });

  it('refreshes last_seen_at at most once a minute', async () => {
    const user = await newUser(prisma);
    const { token, sessionId } = await createSession(prisma, { userId: user.id, now: at('12:00:00') });
    const seen = async () => (await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;
    await resolveSession(prisma, { token, now: at('12:00:30') });
    expect(await seen()).toEqual(at('12:00:00'));
    await resolveSession(prisma, { token, now: at('12:01:05') });
    expect(await seen()).toEqual(at('12:01:05'));
  });

  it('stops working once revoked (logout), and logging out twice is fine', async () => {
    const user = await newUser(prisma);
    const { token } = await createSession(prisma, { userId: user.id });
    await revokeSession(prisma, { token });
    await revokeSession(prisma, { token });
    expect(await resolveSession(prisma, { token })).toBeNull();
  });

  it('issues socket tokens that live five minutes', async () => {
    const user = await newUser(prisma);
    const socket = await createSocketToken(prisma, { userId: user.id, now: at('12:00:00') });
    expect(socket.expiresAt).toEqual(at('12:05:00'));
    expect(await resolveSession(prisma, { token: socket.token, now: at('12:04:59') })).toMatchObject({
      userId: user.id,
    });
    expect(await resolveSession(prisma, { token: socket.token, now: at('12:05:00') })).toBeNull();
  });
});
