import type { RenderedMessage } from '@wb-assist/delivery';
import { CAPTION_LIMIT } from '@wb-assist/domain';
import { TelegramCallError, type SendOptions, type TelegramPort } from '../telegram/port.ts';

/**
 * One notification message as Telegram gets it: a photo with the text as its caption and the
 * buttons under it, or plain text when there is no photo, the caption would be too long, or
 * Telegram cannot fetch the photo (a 400 on sendPhoto; 403 and 429 are not about the photo).
 */
export async function sendRendered(
  port: TelegramPort,
  chatId: number,
  message: RenderedMessage,
  options: SendOptions = {},
): Promise<{ messageId: number; withPhoto: boolean }> {
  const keyboard = message.buttons.length > 0 ? message.buttons : undefined;
  if (message.photoUrl && message.text.length <= CAPTION_LIMIT) {
    try {
      const sent = await port.sendPhoto(chatId, message.photoUrl, message.text, keyboard, options);
      return { ...sent, withPhoto: true };
    } catch (error) {
      if (!(error instanceof TelegramCallError) || error.code !== 400) throw error;
    }
  }
  const sent = await port.sendMessage(chatId, message.text, keyboard, options);
  return { ...sent, withPhoto: false };
}
