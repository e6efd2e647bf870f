import type { BotContext } from '../context.ts';
import type { Screen } from '../menu/screen.ts';
import { TelegramCallError } from '../telegram/port.ts';

/** A screen as a new message. */
export async function sendScreen(ctx: BotContext, chatId: number, screen: Screen): Promise<number> {
  const sent = await ctx.telegram.sendMessage(chatId, screen.text, screen.keyboard);
  return sent.messageId;
}

/**
 * A screen drawn over the message whose button was pressed; a new message when that one
 * cannot be edited (a photo notification, or a message too old for Telegram to edit).
 */
export async function drawScreen(ctx: BotContext, chatId: number, messageId: number, screen: Screen): Promise<void> {
  try {
    await ctx.telegram.editMessageText(chatId, messageId, screen.text, screen.keyboard);
  } catch (error) {
    if (!(error instanceof TelegramCallError) || error.code !== 400) throw error;
    await sendScreen(ctx, chatId, screen);
  }
}
