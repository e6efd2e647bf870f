import { connectCabinet, type AnswerWriteAccess } from '@wb-assist/core';
import { escapeHtml } from '@wb-assist/domain';
import { chatState, type BotContext } from '../context.ts';
import { TYPE_NAMES_LOWER } from '../views/labels.ts';
import type { InitialSyncGate } from './initial-sync-gate.ts';

/** Anything without spaces and this long could be a secret: delete it from the chat. */
const MIGHT_BE_A_KEY = /^\S{16,}$/;

/** A JWT-shaped text, recognised even when the menu is open: a seller pasting a fresh key. */
export function looksLikeWbKey(text: string): boolean {
  return /^(Bearer\s+)?eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(text.trim());
}

const WRITABLE_KEY =
  'создайте в личном кабинете WB (Настройки → Доступ к API) ключ с категорией «Вопросы и отзывы» без отметки «Только на чтение» и пришлите его сюда';

/** Said once, at connect: a key that cannot write still notifies, but answering buyers will fail. */
function answersWarning(access: AnswerWriteAccess): string | null {
  if (access.ok) return null;
  return access.code === 'read_only_key'
    ? `Ключ только для чтения: уведомления будут приходить, а отвечать покупателям на отзывы и вопросы из бота не получится. Чтобы отвечать, ${WRITABLE_KEY}.`
    : `Отвечать покупателям из бота тоже не получится. Чтобы отвечать, ${WRITABLE_KEY}.`;
}

/**
 * The seller sent a key: delete the message at once, check the key (connect-cabinet from
 * packages/core gives every failure its own message), and on success show what will work and
 * the initial sync's progress — or the menu, when the cabinet was already synced by a teammate.
 */
export async function handleKey(
  ctx: BotContext,
  gate: InitialSyncGate,
  input: { chatId: number; messageId: number; userId: string; text: string },
  showMenu: (chatId: number, userId: string) => Promise<void>,
): Promise<void> {
  const { chatId } = input;
  const state = chatState(ctx, chatId);
  const secret = MIGHT_BE_A_KEY.test(input.text.trim()) || looksLikeWbKey(input.text);
  if (secret) {
    await ctx.telegram.deleteMessage(chatId, input.messageId).catch((error: unknown) => {
      ctx.logger.warn({ err: error, userId: input.userId }, 'could not delete the message with a key');
    });
  }
  const status = await ctx.telegram.sendMessage(
    chatId,
    secret ? '🔑 Ключ получен, сообщение с ним удалено. Проверяю в WB…' : '🔑 Проверяю…',
  );
  const replacing = state.replacingKeyOf;
  const result = await connectCabinet({
    prisma: ctx.prisma,
    userId: input.userId,
    key: input.text,
    wb: ctx.wb,
    encryptionKey: ctx.encryptionKey,
    replaceKeyOf: replacing,
  });
  if (!result.ok) {
    state.awaitingKey = true;
    await ctx.telegram.editMessageText(
      chatId,
      status.messageId,
      `❌ ${escapeHtml(result.message)}\n\nПришлите другой ключ.`,
    );
    return;
  }
  state.awaitingKey = false;
  state.replacingKeyOf = undefined;
  state.cabinetId = result.cabinetId;
  const cabinet = await ctx.prisma.cabinet.findUniqueOrThrow({
    where: { id: result.cabinetId },
    select: { status: true },
  });
  const answers = answersWarning(result.answerAccess);
  const name = escapeHtml(result.sellerName);
  const header = [
    replacing
      ? `✅ Ключ кабинета «${name}» заменён. История и участники кабинета сохранены.`
      : result.alreadyMember
        ? `✅ Кабинет «${name}» уже подключён, ключ проверен.`
        : `✅ Кабинет «${name}» подключён.`,
    result.available.length > 0
      ? `Будут приходить: ${result.available.map((type) => TYPE_NAMES_LOWER[type]).join(', ')}.`
      : 'Уведомлений не будет: у ключа нет нужных категорий.',
    ...result.warnings.map((warning) => `⚠️ ${escapeHtml(warning)}`),
    ...(answers ? [`⚠️ ${answers}`] : []),
  ].join('\n');
  if (cabinet.status === 'initial_sync') {
    await gate.watch(result.cabinetId, chatId, input.userId, status.messageId, header);
    return;
  }
  await ctx.telegram.editMessageText(chatId, status.messageId, header);
  await showMenu(chatId, input.userId);
}
