import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH, escapeHtml, truncate } from '@wb-assist/domain';
import type { Screen } from '../menu/screen.ts';
import type { Keyboard } from '../telegram/port.ts';
import { draftCallbackData } from './callbacks.ts';
import type { AnswerDraft } from './drafts.ts';
import type { AnswerTarget } from './find-answer-target.ts';

// What the answer conversation says. Texts are HTML: every string from WB or the user is escaped.

/** Telegram's 4096 characters minus the screen around it: a long answer is shown cut, and sent whole. */
const PREVIEW_CAP = 3000;
const QUOTE_CAP = 300;
const TEMPLATE_BUTTONS = 8;

const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));

/** The review or question being answered, in two lines. */
function about(target: AnswerTarget): string {
  const product = target.productName ? ` · ${escapeHtml(truncate(target.productName, 60))}` : '';
  const head =
    target.kind === 'review' ? `⭐ <b>Отзыв</b> ${stars(target.rating ?? 0)}${product}` : `❓ <b>Вопрос</b>${product}`;
  const said = target.said ? `<i>«${escapeHtml(truncate(target.said, QUOTE_CAP))}»</i>` : '<i>без текста</i>';
  const buyer = target.buyerName ? `${escapeHtml(target.buyerName)}: ` : '';
  return `${head}\n${buyer}${said}`;
}

const button = (text: string, draft: AnswerDraft, action: 'send' | 'edit' | 'cancel') => ({
  text,
  callbackData: draftCallbackData({ action, draftId: draft.id }),
});

/** «Ответить» pressed: asks for the text and offers the cabinet's templates. */
export function promptScreen(
  draft: AnswerDraft,
  target: AnswerTarget,
  templates: readonly { id: string; title: string }[],
): Screen {
  const lines = [
    about(target),
    '',
    `✍️ Напишите ответ одним сообщением: от ${ANSWER_MIN_LENGTH} до ${ANSWER_MAX_LENGTH} символов. Перед отправкой покажу, как он будет выглядеть.`,
  ];
  if (draft.text) lines.push('', `Сейчас в черновике: «${escapeHtml(truncate(draft.text, QUOTE_CAP))}»`);
  lines.push(
    '',
    templates.length > 0
      ? 'Или выберите шаблон: имя покупателя и товар подставлю сам.'
      : 'Шаблоны ответов можно завести в веб-кабинете, они появятся здесь кнопками.',
  );
  const keyboard: Keyboard = templates.slice(0, TEMPLATE_BUTTONS).map((template) => [
    {
      text: `📄 ${truncate(template.title, 40)}`,
      callbackData: draftCallbackData({ action: 'template', draftId: draft.id, templateId: template.id }),
    },
  ]);
  keyboard.push([button('Отмена', draft, 'cancel')]);
  return { text: lines.join('\n'), keyboard };
}

/** What would be sent, with «Отправить» / «Изменить» / «Отмена»; a refusal or doubt is said above it. */
export function previewScreen(draft: AnswerDraft, target: AnswerTarget, text: string, problem?: string): Screen {
  const shown =
    text.length > PREVIEW_CAP
      ? `${escapeHtml(truncate(text, PREVIEW_CAP))}\n<i>(показано ${PREVIEW_CAP} из ${text.length} символов, уйдёт целиком)</i>`
      : escapeHtml(text);
  const lines = [about(target), ''];
  if (problem) lines.push(problem, '');
  lines.push(`📝 <b>Ответ</b>${problem ? ' (черновик сохранён)' : ''}:`, shown);
  if (!problem) lines.push('', 'Отправить покупателю? Ответ увидят все на странице товара.');
  return {
    text: lines.join('\n'),
    keyboard: [
      [button(problem ? 'Отправить снова' : 'Отправить', draft, 'send')],
      [button('Изменить', draft, 'edit'), button('Отмена', draft, 'cancel')],
    ],
  };
}

/** The answer that stands, whoever sent it. */
export function answeredScreen(target: AnswerTarget, answer: ShownAnswer, mine: boolean): Screen {
  const head = mine
    ? '✅ <b>Ответ отправлен</b>'
    : `ℹ️ На этот ${target.kind === 'review' ? 'отзыв' : 'вопрос'} уже ответили`;
  return {
    text: [about(target), '', `${head}${byline(answer)}:`, escapeHtml(truncate(answer.text, PREVIEW_CAP))].join('\n'),
    keyboard: [],
  };
}

export interface ShownAnswer {
  text: string;
  /** Who sent it from WB Assist; null for an answer given elsewhere (on WB's site). */
  authorName: string | null;
}

const byline = (answer: ShownAnswer) => (answer.authorName ? ` — ${escapeHtml(answer.authorName)}` : '');

/**
 * The line a notification message gets once answered, within `room` characters: the answer is
 * cut to fit, and left out when even the bare line would not.
 */
export function answerLine(answer: ShownAnswer, room: number): string | null {
  const head = `\n\n✅ <b>${answer.authorName ? 'Ответ отправлен' : 'Ответ дан на WB'}</b>${byline(answer)}`;
  const fixed = head.length + ': «»'.length;
  if (fixed + 20 <= room) {
    // Escaping can only lengthen the text: cut until the escaped quote fits.
    for (let cap = room - fixed; cap > 0; cap = Math.floor(cap * 0.9)) {
      const quote = escapeHtml(truncate(answer.text, cap));
      if (fixed + quote.length <= room) return `${head}: «${quote}»`;
    }
  }
  return head.length <= room ? head : null;
}

export const TOO_SHORT = `Слишком коротко: WB принимает ответ от ${ANSWER_MIN_LENGTH} символов. Напишите ответ ещё раз.`;

export const tooLong = (length: number) =>
  `Слишком длинно: ${length} символов, а WB принимает до ${ANSWER_MAX_LENGTH}. Сократите ответ и пришлите снова — черновик не отправлен.`;

export const IN_DOUBT =
  '⏳ WB не подтвердил, что получил ответ. Проверим при следующем нажатии «Отправить снова»: если ответ уже у WB, второй не уйдёт.';

export const IN_FLIGHT = 'Ответ уже отправляется. Подождите пару секунд и нажмите ещё раз.';

export const NOT_A_MEMBER = 'Вы не участник кабинета этого отзыва или вопроса: отвечать могут только участники.';
