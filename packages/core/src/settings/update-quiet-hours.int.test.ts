import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { hold } from '@wb-assist/delivery/history';
import { newCabinet, newUser } from '../cabinets/test-fixtures.ts';
import { getQuietHours } from './get-quiet-hours.ts';
import { InvalidSettingError } from './notification-settings.ts';
import { updateQuietHours } from './update-quiet-hours.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

/** A user in digest mode with one notification held until tomorrow. */
async function heldForUser() {
  const user = await newUser(prisma);
  const cabinet = await newCabinet(prisma, { members: [user.id] });
  await updateQuietHours(prisma, { userId: user.id, patch: { mode: 'digest' } });
  const event = await prisma.outboxEvent.create({
    data: {
      cabinetId: cabinet.id,
      type: 'new_order',
      eventKey: `${cabinet.id}:new_order:1`,
      occurredAt: new Date(),
      payload: {},
    },
  });
  const row = await prisma.notificationHistory.create({
    data: {
      userId: user.id,
      cabinetId: cabinet.id,
      outboxEventId: event.id,
      eventKey: event.eventKey,
      type: 'new_order',
      occurredAt: event.occurredAt,
    },
  });
  await hold(pool, [row.id.toString()], new Date(Date.now() + 86_400_000));
  return { user, row };
}

describe('updateQuietHours', () => {
  it('validates the whole patch first: a bad value changes nothing and says what is allowed, in Russian', async () => {
    const user = await newUser(prisma);
    expect(await getQuietHours(prisma, { userId: user.id })).toEqual({
      mode: 'off',
      start: '23:00',
      end: '08:00',
      criticalStockBreaksThrough: false,
      timeZone: 'Europe/Moscow',
    });
    await expect(
      updateQuietHours(prisma, { userId: user.id, patch: { mode: 'digest', end: '8 утра' } }),
    ).rejects.toThrow(new InvalidSettingError('Конец тихих часов — время в виде ЧЧ:ММ, например 23:00.'));
    await expect(updateQuietHours(prisma, { userId: user.id, patch: { mode: 'loud' } })).rejects.toThrow(
      'Режим тихих часов — выключены, без звука или сводкой в конце.',
    );
    await expect(updateQuietHours(prisma, { userId: user.id, patch: { start: '08:00' } })).rejects.toThrow(
      'Начало и конец тихих часов должны различаться.',
    );
    expect((await getQuietHours(prisma, { userId: user.id })).mode).toBe('off');
  });

  it('lets what was held go when the user stops holding, and keeps it while they still hold', async () => {
    const { user, row } = await heldForUser();
    const status = async () => (await prisma.notificationHistory.findUniqueOrThrow({ where: { id: row.id } })).status;
    await updateQuietHours(prisma, { userId: user.id, patch: { start: '22:00' } });
    expect(await status()).toBe('held');
    await updateQuietHours(prisma, { userId: user.id, patch: { mode: 'silent' } });
    expect(await status()).toBe('pending');
  });
});
