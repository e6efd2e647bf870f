// TEMPORARY: spec-answers.md's domain exports until @wb-assist/domain has them (wip/answers-core).
export const ANSWER_MIN_LENGTH = 2;
export const ANSWER_MAX_LENGTH = 5000;

export function fillAnswerTemplate(text: string, values: { buyerName?: string | null; productName?: string | null }) {
  return text
    .replaceAll('{имя}', values.buyerName || 'покупатель')
    .replaceAll('{товар}', values.productName || 'товар');
}
