import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newCabinet, newUser } from '../cabinets/test-fixtures.ts';
import { requestSync } from './request-sync.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
afterAll(() => prisma.$disconnect());

const at = (iso: string) => new Date(`2026-11-28T${iso}Z`);
const timing = async (id: string) =>
  prisma.cabinet.findUniqueOrThrow({ where: { id }, select: { nextSyncAt: true, updatedAt: true } });

describe('requestSync', () => {
  it('makes a ready cabinet due now, then refuses a second tap while it is due', async () => {
    const user = await newUser(prisma);
    const cabinet = await newCabinet(prisma, {
      members: [user.id],
      lastSyncAt: at('11:50:00'),
      nextSyncAt: at('12:05:00'),
    });
    const before = await timing(cabinet.id);
    const now = at('12:00:00');
    expect(await requestSync(prisma, { cabinetId: cabinet.id, userId: user.id, now })).toEqual({
      ok: true,
      nextSyncAt: now,
    });
    expect(await timing(cabinet.id)).toEqual({ nextSyncAt: now, updatedAt: before.updatedAt });
    expect(await requestSync(prisma, { cabinetId: cabinet.id, userId: user.id, now: at('12:00:05') })).toMatchObject({
      ok: false,
      error: 'too_soon',
    });
  });

  it('refuses right after a sync and says how long to wait', async () => {
    const user = await newUser(prisma);
    const cabinet = await newCabinet(prisma, {
      members: [user.id],
      lastSyncAt: at('11:59:20'),
      nextSyncAt: at('12:09:20'),
    });
    expect(await requestSync(prisma, { cabinetId: cabinet.id, userId: user.id, now: at('12:00:00') })).toEqual({
      ok: false,
      error: 'too_soon',
      message: 'Данные только что обновились. Повторить можно через 20 с.',
      retryAfterSeconds: 20,
    });
    expect((await timing(cabinet.id)).nextSyncAt).toEqual(at('12:09:20'));
  });

  it('refuses while a sync is running', async () => {
    const user = await newUser(prisma);
    const cabinet = await newCabinet(prisma, { members: [user.id], nextSyncAt: new Date(Date.now() + 600_000) });
    await prisma.wbSyncLog.create({ data: { cabinetId: cabinet.id, kind: 'periodic', startedAt: new Date() } });
    expect(await requestSync(prisma, { cabinetId: cabinet.id, userId: user.id })).toMatchObject({
      ok: false,
      error: 'too_soon',
      message: 'Синхронизация уже идёт: данные скоро обновятся.',
    });
  });

  it('moves the schedule once when two taps arrive together', async () => {
    const user = await newUser(prisma);
    const cabinet = await newCabinet(prisma, { members: [user.id], nextSyncAt: at('12:30:00') });
    const now = at('12:00:00');
    const results = await Promise.all(
      [1, 2, 3].map(() => requestSync(prisma, { cabinetId: cabinet.id, userId: user.id, now })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('refuses cabinets that are not ready, and strangers', async () => {
    const [user, stranger] = [await newUser(prisma), await newUser(prisma)];
    const loading = await newCabinet(prisma, { members: [user.id], status: 'initial_sync' });
    const broken = await newCabinet(prisma, { members: [user.id], status: 'key_invalid' });
    expect(await requestSync(prisma, { cabinetId: loading.id, userId: user.id })).toMatchObject({
      ok: false,
      error: 'not_ready',
      message: 'Первая загрузка данных ещё идёт: дождитесь её окончания.',
    });
    expect(await requestSync(prisma, { cabinetId: broken.id, userId: user.id })).toMatchObject({
      error: 'not_ready',
      message: expect.stringMatching(/новый ключ/),
    });
    expect(await requestSync(prisma, { cabinetId: loading.id, userId: stranger.id })).toMatchObject({
      error: 'not_member',
    });
    expect((await timing(loading.id)).nextSyncAt).toBeNull();
  });
});
