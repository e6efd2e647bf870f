/** What a template may name; an absent value is left out gracefully rather than printed empty. */
export interface AnswerTemplateValues {
  buyerName?: string | null;
  productName?: string | null;
}

/** The word used when WB gives no buyer name (questions never carry one). */
export const DEFAULT_BUYER_NAME = 'покупатель';

const PLACEHOLDER = /\{(имя|товар)\}/giu;

/**
 * Fills {имя} and {товар}. Without a buyer name, «{имя}» becomes «покупатель» (capitalised at
 * the start of a sentence), so «Здравствуйте, {имя}!» still reads naturally. Without a product
 * name the placeholder and the punctuation or preposition left dangling around it are dropped,
 * since «спасибо за покупку !» reads worse than «спасибо за покупку!».
 */
export function fillAnswerTemplate(text: string, values: AnswerTemplateValues): string {
  const buyerName = values.buyerName?.trim() || null;
  const productName = values.productName?.trim() || null;
  const filled = text.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    if (name.toLowerCase() === 'имя') return buyerName ?? buyerWord(text, offset);
    return productName ?? match;
  });
  return productName === null ? dropProduct(filled) : filled;
}

/** «покупатель», capitalised where a sentence starts. */
function buyerWord(text: string, offset: number): string {
  const before = text.slice(0, offset).trimEnd();
  const startsSentence = before === '' || /[.!?…]$/u.test(before);
  return startsSentence ? 'Покупатель' : DEFAULT_BUYER_NAME;
}

/** Removes a {товар} placeholder with the quotes, preposition and space that only framed it. */
function dropProduct(text: string): string {
  return text
    .replace(/\s*(?:(?<!\p{L})(?:за|на|о|об|про|для|в|к)\s+)?[«"]?\{товар\}[»"]?/giu, '')
    .replace(/\s+([,.!?…])/gu, '$1')
    .replace(/ {2,}/gu, ' ')
    .trim();
}
