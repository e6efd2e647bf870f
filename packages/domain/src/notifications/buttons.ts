import type { NotificationEvent } from './events.ts';
import { NOTIFICATION_TYPES, type NotificationType } from './registry/index.ts';
import type { InlineButton } from './rendered-message.ts';
import { CALLBACK_DATA_LIMIT } from './telegram-limits.ts';

const MUTE_PREFIX = 'mute';
const ANSWER_PREFIX = 'ans';
const REPLACE_KEY_PREFIX = 'key:replace';

export function wbProductUrl(nmId: number): string {
  return `https://www.wildberries.ru/catalog/${nmId}/detail.aspx`;
}

/**
 * "mute:<type>" or "mute:<type>:<cabinetId>": what the bot receives when the user taps
 * "Не присылать такие". Settings are per user and cabinet, so the cabinet rides along when known.
 */
export function muteCallbackData(type: NotificationType, cabinetId?: string): string {
  const data = cabinetId === undefined ? `${MUTE_PREFIX}:${type}` : `${MUTE_PREFIX}:${type}:${cabinetId}`;
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_LIMIT) {
    throw new RangeError(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
  }
  return data;
}

/** The inverse of muteCallbackData; null for any other callback. */
export function parseMuteCallbackData(data: string): { type: NotificationType; cabinetId: string | null } | null {
  const [prefix, type, cabinetId, ...rest] = data.split(':');
  if (prefix !== MUTE_PREFIX || rest.length > 0 || cabinetId === '') return null;
  const known = NOTIFICATION_TYPES.find((t) => t === type);
  return known === undefined ? null : { type: known, cabinetId: cabinetId ?? null };
}

export function muteButton(type: NotificationType, cabinetId?: string): InlineButton {
  return { text: 'Не присылать такие', callbackData: muteCallbackData(type, cabinetId) };
}

export function openOnWbButton(nmId: number): InlineButton {
  return { text: 'Открыть на WB', url: wbProductUrl(nmId) };
}

/** What a buyer wrote that the seller can answer: a review or a question, by WB's id. */
export interface AnswerTarget {
  kind: 'review' | 'question';
  targetId: string;
}

const KIND_CODE = { review: 'r', question: 'q' } as const;

/**
 * "ans:r:<reviewId>" or "ans:q:<questionId>": what the bot receives when the user taps «Ответить».
 * The cabinet is left out: WB's ids are unique, and the bot finds the cabinet among the user's own,
 * which is also the tenant check. Null when WB's id is too long to fit Telegram's 64 bytes.
 */
export function answerCallbackData(target: AnswerTarget): string | null {
  const data = `${ANSWER_PREFIX}:${KIND_CODE[target.kind]}:${target.targetId}`;
  return new TextEncoder().encode(data).length > CALLBACK_DATA_LIMIT ? null : data;
}

/** The inverse of answerCallbackData; null for any other callback. */
export function parseAnswerCallbackData(data: string): AnswerTarget | null {
  const [prefix, code, ...rest] = data.split(':');
  const targetId = rest.join(':');
  if (prefix !== ANSWER_PREFIX || targetId === '') return null;
  if (code === KIND_CODE.review) return { kind: 'review', targetId };
  if (code === KIND_CODE.question) return { kind: 'question', targetId };
  return null;
}

/** The review or question a notification is about; null for the types nobody answers. */
export function answerTargetOf(event: NotificationEvent): AnswerTarget | null {
  if (event.type === 'negative_review') return { kind: 'review', targetId: event.reviewId };
  if (event.type === 'new_question') return { kind: 'question', targetId: event.questionId };
  return null;
}

/** «Ответить» under a review or question; none when the id cannot ride in the callback. */
export function answerButtons(event: NotificationEvent): InlineButton[] {
  const target = answerTargetOf(event);
  const data = target && answerCallbackData(target);
  return data ? [{ text: 'Ответить', callbackData: data }] : [];
}

/**
 * "key:replace" or "key:replace:<cabinetId>": what the bot receives when the user taps
 * «Заменить ключ» under a key warning. The bot checks the cabinet is the user's own.
 */
export function replaceKeyCallbackData(cabinetId?: string): string {
  return cabinetId === undefined ? REPLACE_KEY_PREFIX : `${REPLACE_KEY_PREFIX}:${cabinetId}`;
}

/** The inverse of replaceKeyCallbackData; null for any other callback. */
export function parseReplaceKeyCallbackData(data: string): { cabinetId: string | null } | null {
  if (data === REPLACE_KEY_PREFIX) return { cabinetId: null };
  if (!data.startsWith(`${REPLACE_KEY_PREFIX}:`)) return null;
  const cabinetId = data.slice(REPLACE_KEY_PREFIX.length + 1);
  return cabinetId === '' || cabinetId.includes(':') ? null : { cabinetId };
}

export function replaceKeyButton(cabinetId?: string): InlineButton {
  return { text: 'Заменить ключ', callbackData: replaceKeyCallbackData(cabinetId) };
}
