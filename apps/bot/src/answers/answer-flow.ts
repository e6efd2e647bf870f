import { getBuyerAnswers, listAnswerTemplates, sendBuyerAnswer, type BuyerAnswerView } from '@wb-assist/core';
import {
  ANSWER_MAX_LENGTH,
  ANSWER_MIN_LENGTH,
  escapeHtml,
  fillAnswerTemplate,
  type AnswerTarget as Target,
} from '@wb-assist/domain';
import { chatState, type BotContext } from '../context.ts';
import { drawScreen, sendScreen } from '../flows/show.ts';
import type { DraftAction } from './callbacks.ts';
import {
  deleteDraft,
  findDraft,
  openDraft,
  stopWriting,
  updateDraft,
  writingDraft,
  type AnswerDraft,
} from './drafts.ts';
import { findAnswerTarget, type AnswerTarget } from './find-answer-target.ts';
import { redrawAnsweredMessages } from './redraw-answered-messages.ts';
import {
  answeredScreen,
  IN_DOUBT,
  IN_FLIGHT,
  NOT_A_MEMBER,
  previewScreen,
  promptScreen,
  TOO_SHORT,
  tooLong,
  type ShownAnswer,
} from './screens.ts';

/** WB counts characters, not UTF-16 units: an emoji is one. */
function lengthProblem(text: string): string | null {
  const length = [...text].length;
  if (length < ANSWER_MIN_LENGTH) return TOO_SHORT;
  if (length > ANSWER_MAX_LENGTH) return tooLong(length);
  return null;
}

const shown = (view: BuyerAnswerView): ShownAnswer => ({
  text: view.text,
  authorName: view.author?.displayName ?? null,
});

/**
 * Answering a review or question from Telegram: «Ответить» under the notification → the text
 * (typed, or a template) → a preview → «Отправить» → WB, through sendBuyerAnswer, which makes a
 * double press, a retry after a crash and two members at once post one answer. Every step's
 * state is in bot_answer_drafts, so a restart between presses loses nothing.
 */
export function createAnswerFlow(ctx: BotContext) {
  /** The answer WB shows now: ours with its author, or one given elsewhere. */
  async function standingAnswer(target: AnswerTarget): Promise<ShownAnswer | null> {
    const answers = await getBuyerAnswers({
      db: ctx.prisma,
      cabinetId: target.cabinetId,
      kind: target.kind,
      targetIds: [target.targetId],
    });
    const view = answers.get(target.targetId);
    if (view?.status === 'sent') return shown(view);
    return target.wbAnswer ? { text: target.wbAnswer, authorName: null } : null;
  }

  const templatesOf = (userId: string, cabinetId: string) => listAnswerTemplates({ db: ctx.prisma, userId, cabinetId });

  /** «Ответить» under a notification: the prompt (or the draft kept from before), as a new message. */
  async function start(userId: string, chatId: number, what: Target): Promise<string | undefined> {
    const target = await findAnswerTarget(ctx.pool, { userId, ...what });
    if (!target) return NOT_A_MEMBER;
    chatState(ctx, chatId).awaitingKey = false;
    const standing = await standingAnswer(target);
    if (standing) {
      await redrawAnsweredMessages(ctx, { ...what, cabinetId: target.cabinetId, answer: standing });
      return `На этот ${what.kind === 'review' ? 'отзыв' : 'вопрос'} уже ответили`;
    }
    const draft = await openDraft(ctx.pool, { userId, chatId, cabinetId: target.cabinetId, ...what });
    const screen =
      draft.stage === 'preview' && draft.text
        ? previewScreen(draft, target, draft.text)
        : promptScreen(draft, target, await templatesOf(userId, target.cabinetId));
    const screenMessageId = await sendScreen(ctx, chatId, screen);
    await updateDraft(ctx.pool, draft.id, { screenMessageId });
    return undefined;
  }

  /** A text message: the answer, when a draft waits for one. False when none does. */
  async function takeText(userId: string, chatId: number, text: string): Promise<boolean> {
    const draft = await writingDraft(ctx.pool, userId);
    if (!draft) return false;
    const target = await findAnswerTarget(ctx.pool, { userId, kind: draft.kind, targetId: draft.targetId });
    if (!target) {
      await deleteDraft(ctx.pool, draft.id);
      await ctx.telegram.sendMessage(chatId, NOT_A_MEMBER);
      return true;
    }
    const answer = text.trim();
    const problem = lengthProblem(answer);
    if (problem) {
      await ctx.telegram.sendMessage(chatId, problem);
      return true;
    }
    await updateDraft(ctx.pool, draft.id, { stage: 'preview', text: answer });
    const screenMessageId = await sendScreen(ctx, chatId, previewScreen(draft, target, answer));
    await updateDraft(ctx.pool, draft.id, { screenMessageId });
    return true;
  }

  /** A button under one of the draft's screens. */
  async function act(
    userId: string,
    chatId: number,
    messageId: number,
    action: DraftAction,
  ): Promise<string | undefined> {
    const draft = await findDraft(ctx.pool, { id: action.draftId, userId });
    if (!draft) return 'Этот черновик уже закрыт';
    // A member who left keeps their old buttons: membership is checked again at every press.
    const target = await findAnswerTarget(ctx.pool, { userId, kind: draft.kind, targetId: draft.targetId });
    if (!target) {
      await deleteDraft(ctx.pool, draft.id);
      await drawScreen(ctx, chatId, messageId, { text: NOT_A_MEMBER, keyboard: [] });
      return NOT_A_MEMBER;
    }
    if (action.action === 'send') return send(draft, target, chatId, messageId);
    if (draft.stage === 'sent') return 'Ответ уже отправлен';
    if (action.action === 'cancel') {
      await deleteDraft(ctx.pool, draft.id);
      await drawScreen(ctx, chatId, messageId, { text: 'Ответ не отправлен, черновик удалён.', keyboard: [] });
      return 'Отменено';
    }
    const templates = await templatesOf(userId, target.cabinetId);
    if (action.action === 'edit') {
      await updateDraft(ctx.pool, draft.id, { stage: 'writing', screenMessageId: messageId });
      await drawScreen(ctx, chatId, messageId, promptScreen(draft, target, templates));
      return undefined;
    }
    const template = templates.find((candidate) => candidate.id === action.templateId);
    if (!template) return 'Этого шаблона больше нет';
    const text = fillAnswerTemplate(template.text, { buyerName: target.buyerName, productName: target.productName });
    // The notice is the whole answer here: both limit messages fit Telegram's 200 characters.
    const problem = lengthProblem(text);
    if (problem) return problem;
    await updateDraft(ctx.pool, draft.id, { stage: 'preview', text, screenMessageId: messageId });
    await drawScreen(ctx, chatId, messageId, previewScreen(draft, target, text));
    return undefined;
  }

  /** «Отправить»: once to WB whatever happens around it; the outcome drawn over the preview. */
  async function send(draft: AnswerDraft, target: AnswerTarget, chatId: number, messageId: number) {
    const text = draft.text;
    if (!text) return 'Сначала напишите ответ';
    const problem = lengthProblem(text);
    if (problem) {
      await drawScreen(ctx, chatId, messageId, previewScreen(draft, target, text, `❌ ${problem}`));
      return 'Не отправлено';
    }
    const result = await sendBuyerAnswer({
      db: ctx.prisma,
      wb: { ...ctx.wb, encryptionKey: ctx.encryptionKey },
      cabinetId: draft.cabinetId,
      userId: draft.userId,
      kind: draft.kind,
      targetId: draft.targetId,
      text,
      source: 'telegram',
    });
    if (result.outcome === 'in_flight') return IN_FLIGHT;
    if (result.outcome === 'in_doubt') {
      await updateDraft(ctx.pool, draft.id, { stage: 'preview' });
      await drawScreen(ctx, chatId, messageId, previewScreen(draft, target, text, IN_DOUBT));
      return 'WB не подтвердил ответ';
    }
    if (result.outcome === 'failed') {
      await updateDraft(ctx.pool, draft.id, { stage: 'failed' });
      await drawScreen(ctx, chatId, messageId, previewScreen(draft, target, text, `❌ ${escapeHtml(result.message)}`));
      return 'Не отправлено';
    }
    await updateDraft(ctx.pool, draft.id, { stage: 'sent' });
    const answer = shown(result.answer);
    const mine = result.outcome === 'sent' || result.answer.author?.userId === draft.userId;
    await drawScreen(ctx, chatId, messageId, answeredScreen(target, answer, mine));
    await redrawAnsweredMessages(ctx, {
      cabinetId: draft.cabinetId,
      kind: draft.kind,
      targetId: draft.targetId,
      answer,
    });
    return mine ? 'Ответ отправлен' : 'Ответ уже дал другой участник';
  }

  return { start, takeText, act, stopWriting: (userId: string) => stopWriting(ctx.pool, userId) };
}
