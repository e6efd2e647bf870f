import { CAPTION_LIMIT, MESSAGE_LIMIT, parseAnswerCallbackData } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import type { Keyboard } from '../telegram/port.ts';
import type { BuyerTextKind } from './drafts.ts';
import { answerLine, type ShownAnswer } from './screens.ts';

interface MessageRow {
  chat_id: string;
  message_id: number;
  html: string;
  with_photo: boolean;
  keyboard: Keyboard;
}

/**
 * Every current member's copy of the review or question notification, redrawn with the answer
 * and who sent it, and without «Ответить»: what the cabinet sees in Telegram agrees with WB.
 * One copy that cannot be edited (deleted, too old) does not stop the others.
 */
export async function redrawAnsweredMessages(
  ctx: BotContext,
  options: { cabinetId: string; kind: BuyerTextKind; targetId: string; answer: ShownAnswer },
): Promise<void> {
  const { rows } = await ctx.pool.query<MessageRow>(
    `SELECT m.chat_id::text, m.message_id, m.html, m.with_photo, m.keyboard
     FROM bot_answer_messages m
     JOIN users u ON u.telegram_id = m.chat_id
     JOIN cabinet_users cu ON cu.user_id = u.id AND cu.cabinet_id = m.cabinet_id
     WHERE m.cabinet_id = $1 AND m.kind = $2 AND m.target_id = $3`,
    [options.cabinetId, options.kind, options.targetId],
  );
  for (const row of rows) {
    const limit = row.with_photo ? CAPTION_LIMIT : MESSAGE_LIMIT;
    const line = answerLine(options.answer, limit - row.html.length) ?? '';
    const keyboard = row.keyboard
      .map((buttons) => buttons.filter((b) => !(b.callbackData && parseAnswerCallbackData(b.callbackData))))
      .filter((buttons) => buttons.length > 0);
    const chatId = Number(row.chat_id);
    const edited = row.with_photo
      ? ctx.telegram.editMessageCaption(chatId, row.message_id, row.html + line, keyboard)
      : ctx.telegram.editMessageText(chatId, row.message_id, row.html + line, keyboard);
    await edited.catch((error: unknown) => {
      ctx.logger.warn(
        { err: error, chatId, messageId: row.message_id },
        'could not show the answer under a notification',
      );
    });
  }
}
