import { demoTelegramId } from '../config.ts';
import type { GraphQLContext } from '../context.ts';

/**
 * The demo user's own chat with the bot, when the caller may see it: demo mode with the fake
 * Telegram's control address configured, and the signed-in user is the demo user. Anyone else
 * (another user of a demo deployment included) gets null, so no chat but one's own is reachable.
 */
export async function demoChatOf(
  ctx: GraphQLContext,
): Promise<{ controlUrl: string; chatId: bigint; firstName: string | null; username: string | null } | null> {
  const telegramId = demoTelegramId(ctx.config);
  const controlUrl = ctx.config.nodeEnv === 'production' ? undefined : ctx.config.demoTelegramControlUrl;
  if (telegramId === undefined || controlUrl === undefined || !ctx.viewer) return null;
  const user = await ctx.prisma.user.findUnique({
    where: { id: ctx.viewer.userId },
    select: { telegramId: true, firstName: true, username: true },
  });
  if (user?.telegramId !== telegramId) return null;
  return { controlUrl, chatId: telegramId, firstName: user.firstName, username: user.username };
}
