import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { listen } from '@wb-assist/db/channels';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newCabinet, newUser } from '../cabinets/test-fixtures.ts';
import {
  getNotificationSettings,
  InvalidSettingError,
  NotCabinetMemberError,
  updateNotificationSettings,
} from './notification-settings.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
const listener = new pg.Client({ connectionString: testDatabaseUrl() });
const heard: unknown[] = [];

beforeAll(async () => {
  await listener.connect();
  await listen(listener, ['settingsChanged'], {
    onMessage: (message) => heard.push(message.payload),
    logger: { warn: (entry) => heard.push({ malformed: entry }) },
  });
});
afterAll(async () => {
  await listener.end();
  await prisma.$disconnect();
});

const ALL_ON = {
  enabled: true,
  types: {
    new_order: true,
    buyout: true,
    cancellation: true,
    return: true,
    negative_review: true,
    new_question: true,
    critical_stock: true,
    stock_forecast: true,
    anomaly: true,
    key_health: true,
    morning_summary: true,
  },
  stockForecastDays: 7,
};

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('notification settings', () => {
  it('starts with everything on, restoring a missing row for a member', async () => {
    const user = await newUser(prisma);
    const cabinet = await newCabinet(prisma, { members: [user.id] });
    await prisma.notificationSettings.deleteMany({ where: { cabinetId: cabinet.id } });
    expect(await getNotificationSettings(prisma, { userId: user.id, cabinetId: cabinet.id })).toEqual(ALL_ON);
    expect(await prisma.notificationSettings.count({ where: { cabinetId: cabinet.id } })).toBe(1);
  });

  it('changes only the toggles given and announces the change', async () => {
    const [user, teammate] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [user.id, teammate.id] });
    heard.length = 0;
    const view = await updateNotificationSettings(prisma, {
      userId: user.id,
      cabinetId: cabinet.id,
      patch: { types: { cancellation: false } },
    });
    expect(view).toEqual({ ...ALL_ON, types: { ...ALL_ON.types, cancellation: false } });
    const again = await updateNotificationSettings(prisma, {
      userId: user.id,
      cabinetId: cabinet.id,
      patch: { enabled: false, types: { critical_stock: false } },
    });
    expect(again).toEqual({
      ...ALL_ON,
      enabled: false,
      types: { ...ALL_ON.types, cancellation: false, critical_stock: false },
    });
    expect(await getNotificationSettings(prisma, { userId: user.id, cabinetId: cabinet.id })).toEqual(again);
    // The teammate's own settings of the same cabinet are untouched.
    expect(await getNotificationSettings(prisma, { userId: teammate.id, cabinetId: cabinet.id })).toEqual(ALL_ON);

    await until(() => heard.length >= 2);
    expect(heard).toEqual([
      { userId: user.id, cabinetId: cabinet.id },
      { userId: user.id, cabinetId: cabinet.id },
    ]);
  });

  it('refuses a user who is not a member of the cabinet, and changes nothing', async () => {
    const [owner, stranger] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [owner.id] });
    await expect(getNotificationSettings(prisma, { userId: stranger.id, cabinetId: cabinet.id })).rejects.toThrow(
      NotCabinetMemberError,
    );
    await expect(
      updateNotificationSettings(prisma, { userId: stranger.id, cabinetId: cabinet.id, patch: { enabled: false } }),
    ).rejects.toThrow(NotCabinetMemberError);
    await expect(
      updateNotificationSettings(prisma, { userId: owner.id, cabinetId: 'nope', patch: { enabled: false } }),
    ).rejects.toThrow(NotCabinetMemberError);
    expect(await prisma.notificationSettings.count({ where: { userId: stranger.id } })).toBe(0);
    expect(await getNotificationSettings(prisma, { userId: owner.id, cabinetId: cabinet.id })).toEqual(ALL_ON);
  });

  it('keeps each member’s own forecast threshold, and refuses one out of range without changing anything', async () => {
    const [user, teammate] = [await newUser(prisma), await newUser(prisma)];
    const cabinet = await newCabinet(prisma, { members: [user.id, teammate.id] });
    const changed = await updateNotificationSettings(prisma, {
      userId: user.id,
      cabinetId: cabinet.id,
      patch: { stockForecastDays: 14 },
    });
    expect(changed).toEqual({ ...ALL_ON, stockForecastDays: 14 });
    expect(await getNotificationSettings(prisma, { userId: teammate.id, cabinetId: cabinet.id })).toEqual(ALL_ON);
    for (const stockForecastDays of [0, 61, 2.5]) {
      await expect(
        updateNotificationSettings(prisma, {
          userId: user.id,
          cabinetId: cabinet.id,
          patch: { stockForecastDays, types: { buyout: false } },
        }),
      ).rejects.toThrow(new InvalidSettingError('Порог прогноза остатков — целое число дней от 1 до 60.'));
    }
    expect(await getNotificationSettings(prisma, { userId: user.id, cabinetId: cabinet.id })).toEqual(changed);
  });
});
