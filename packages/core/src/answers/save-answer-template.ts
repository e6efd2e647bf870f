import type { PrismaClient } from '@wb-assist/db';
import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH } from '@wb-assist/domain';
import { isUuid } from '../auth/uuid.ts';
import { getMembership } from '../cabinets/membership.ts';
import { NotCabinetMemberError } from '../settings/notification-settings.ts';
import { toTemplateView, type AnswerTemplateView } from './answer-template-view.ts';

export const TEMPLATE_TITLE_MAX_LENGTH = 100;
/** Enough for every situation a shop answers often; more would not fit a Telegram keyboard. */
export const TEMPLATES_PER_CABINET = 50;

export type SaveAnswerTemplateError =
  'title_missing' | 'title_too_long' | 'too_short' | 'too_long' | 'not_found' | 'too_many';

export type SaveAnswerTemplateResult =
  { ok: true; template: AnswerTemplateView } | { ok: false; error: SaveAnswerTemplateError; message: string };

const MESSAGES: Record<SaveAnswerTemplateError, string> = {
  title_missing: 'Дайте шаблону название.',
  title_too_long: `Название шаблона — не длиннее ${TEMPLATE_TITLE_MAX_LENGTH} символов.`,
  too_short: `Текст шаблона слишком короткий: WB принимает ответы от ${ANSWER_MIN_LENGTH} символов.`,
  too_long: `Текст шаблона слишком длинный: WB принимает ответы до ${ANSWER_MAX_LENGTH} символов.`,
  not_found: 'Такого шаблона в этом кабинете нет.',
  too_many: `В кабинете уже ${TEMPLATES_PER_CABINET} шаблонов: удалите ненужные.`,
};

/**
 * Creates a reply template, or updates one when `id` is given; any member may, and every member
 * sees the result. The text is checked against WB's answer limits here, before it can become a
 * draft WB refuses (placeholders may change the length a little when filled).
 */
export async function saveAnswerTemplate(options: {
  db: PrismaClient;
  userId: string;
  cabinetId: string;
  id?: string;
  title: string;
  text: string;
}): Promise<SaveAnswerTemplateResult> {
  const { db, userId, cabinetId } = options;
  if (!(await getMembership(db, { userId, cabinetId }))) throw new NotCabinetMemberError(userId, cabinetId);
  const fail = (error: SaveAnswerTemplateError): SaveAnswerTemplateResult => ({
    ok: false,
    error,
    message: MESSAGES[error],
  });
  const title = options.title.trim();
  const text = options.text.trim();
  if (title === '') return fail('title_missing');
  if (title.length > TEMPLATE_TITLE_MAX_LENGTH) return fail('title_too_long');
  if (text.length < ANSWER_MIN_LENGTH) return fail('too_short');
  if (text.length > ANSWER_MAX_LENGTH) return fail('too_long');

  if (options.id === undefined) {
    if ((await db.answerTemplate.count({ where: { cabinetId } })) >= TEMPLATES_PER_CABINET) return fail('too_many');
    const created = await db.answerTemplate.create({ data: { cabinetId, title, text, createdByUserId: userId } });
    return { ok: true, template: toTemplateView(created) };
  }
  if (!isUuid(options.id)) return fail('not_found');
  // Scoped by cabinet: an id from another cabinet matches nothing.
  const updated = await db.answerTemplate.updateMany({ where: { id: options.id, cabinetId }, data: { title, text } });
  if (updated.count === 0) return fail('not_found');
  return {
    ok: true,
    template: toTemplateView(await db.answerTemplate.findUniqueOrThrow({ where: { id: options.id } })),
  };
}
