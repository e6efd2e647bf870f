import type pg from 'pg';
import type { RenderedMessage } from '@wb-assist/delivery';
import { parseAnswerCallbackData } from '@wb-assist/domain';

/**
 * Keeps a notification message that carries «Ответить» as it was sent: Telegram hands the bot
 * back only plain text, and redrawing a member's copy with the answer needs the HTML. Messages
 * without the button are not kept. A second record of the same message (a retried delivery
 * that Telegram took twice is two messages) changes nothing.
 */
export async function recordAnswerableMessage(
  pool: pg.Pool,
  options: { chatId: number; messageId: number; cabinetId: string; message: RenderedMessage; withPhoto: boolean },
): Promise<void> {
  const target = options.message.buttons
    .flat()
    .map((button) => (button.callbackData ? parseAnswerCallbackData(button.callbackData) : null))
    .find((found) => found !== null);
  if (!target) return;
  await pool.query(
    `INSERT INTO bot_answer_messages (chat_id, message_id, cabinet_id, kind, target_id, html, with_photo, keyboard)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (chat_id, message_id) DO NOTHING`,
    [
      options.chatId,
      options.messageId,
      options.cabinetId,
      target.kind,
      target.targetId,
      options.message.text,
      options.withPhoto,
      JSON.stringify(options.message.buttons),
    ],
  );
}
