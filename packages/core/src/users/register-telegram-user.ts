import type { PrismaClient, User } from '@wb-assist/db';

export interface RegisterTelegramUserInput {
  telegramId: bigint;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  languageCode?: string | null;
}

/**
 * Finds or creates the user behind a Telegram account. Idempotent by telegram_id: a known user
 * is returned as stored, except that one marked inactive (they had blocked the bot) is active
 * again, since writing to the bot or logging in means they are back.
 *
 * INSERT ... ON CONFLICT DO NOTHING (skipDuplicates) makes concurrent first contacts (a double
 * tapped /start, the bot and the web at once) end in one row and exactly one `created: true`.
 */
export async function registerTelegramUser(
  prisma: PrismaClient,
  input: RegisterTelegramUserInput,
): Promise<{ user: User; created: boolean }> {
  const [inserted] = await prisma.user.createManyAndReturn({
    data: {
      telegramId: input.telegramId,
      username: input.username ?? null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      languageCode: input.languageCode ?? null,
    },
    skipDuplicates: true,
  });
  if (inserted) return { user: inserted, created: true };

  const [reactivated] = await prisma.user.updateManyAndReturn({
    where: { telegramId: input.telegramId, OR: [{ isActive: false }, { blockedAt: { not: null } }] },
    data: { isActive: true, blockedAt: null },
  });
  if (reactivated) return { user: reactivated, created: false };
  return { user: await prisma.user.findUniqueOrThrow({ where: { telegramId: input.telegramId } }), created: false };
}
