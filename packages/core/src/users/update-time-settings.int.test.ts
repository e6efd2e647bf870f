import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { updateTimeSettings } from './update-time-settings.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
afterAll(() => prisma.$disconnect());

const newUser = (telegramId: bigint) =>
  prisma.user.create({ data: { telegramId, nextSummaryAt: new Date('2026-12-08T06:00:00Z') } });

describe('updateTimeSettings', () => {
  it('Moscow and 09:00 by default; a new zone and time reschedule the summary', async () => {
    const user = await newUser(3001n);
    expect(await updateTimeSettings(prisma, { userId: user.id })).toEqual({
      timeZone: 'Europe/Moscow',
      morningSummaryTime: '09:00',
    });
    expect(
      await updateTimeSettings(prisma, { userId: user.id, timeZone: 'europe/berlin', morningSummaryTime: '7:30' }),
    ).toEqual({ timeZone: 'Europe/Berlin', morningSummaryTime: '07:30' });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ timeZone: 'Europe/Berlin', morningSummaryMinute: 450, nextSummaryAt: null });
  });

  it('refuses an unknown zone or a time that is not one, and changes nothing', async () => {
    const user = await newUser(3002n);
    for (const patch of [
      { timeZone: 'Mars/Olympus' },
      { timeZone: 'MSK' },
      { morningSummaryTime: '24:00' },
      { morningSummaryTime: 'утром' },
    ]) {
      await expect(updateTimeSettings(prisma, { userId: user.id, ...patch })).rejects.toMatchObject({
        code: 'invalid_setting',
        message: expect.stringMatching(/часового пояса|Время сводки/),
      });
    }
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ timeZone: 'Europe/Moscow', morningSummaryMinute: 540 });
    expect(stored.nextSummaryAt).not.toBeNull();
  });
});
