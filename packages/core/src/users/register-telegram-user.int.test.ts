import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { registerTelegramUser } from './register-telegram-user.ts';

const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 8 });
afterAll(() => prisma.$disconnect());

describe('registerTelegramUser', () => {
  it('creates the user once; a second /start changes nothing', async () => {
    const first = await registerTelegramUser(prisma, {
      telegramId: 1001n,
      username: 'anna',
      firstName: 'Анна',
      lastName: null,
      languageCode: 'ru',
    });
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ telegramId: 1001n, username: 'anna', firstName: 'Анна', isActive: true });

    const second = await registerTelegramUser(prisma, { telegramId: 1001n, username: 'someone_else' });
    expect(second.created).toBe(false);
    expect(second.user).toEqual(first.user);
    expect(await prisma.user.count({ where: { telegramId: 1001n } })).toBe(1);
  });

  it('brings back a user who had blocked the bot', async () => {
    const { user } = await registerTelegramUser(prisma, { telegramId: 1002n });
    await prisma.user.update({ where: { id: user.id }, data: { isActive: false, blockedAt: new Date() } });
    const back = await registerTelegramUser(prisma, { telegramId: 1002n });
    expect(back).toMatchObject({ created: false, user: { id: user.id, isActive: true, blockedAt: null } });
  });

  it('ends with one row and one "created" when several first contacts race', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => registerTelegramUser(prisma, { telegramId: 1003n, firstName: 'Борис' })),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.user.id)).size).toBe(1);
    expect(await prisma.user.count({ where: { telegramId: 1003n } })).toBe(1);
  });
});
