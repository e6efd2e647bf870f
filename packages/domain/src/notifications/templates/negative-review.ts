import { formatDateTime } from '../../format/date.ts';
import { contextLine } from '../context-line.ts';
import type { Detail } from '../detail.ts';
import type { NegativeReviewEvent } from '../events.ts';
import { assemble, productLines, safe } from '../parts.ts';
import { TYPE_LABELS } from '../type-labels.ts';

const MAX_STARS = 5;

/** 2 → "★★☆☆☆". */
export function stars(rating: number): string {
  const filled = Math.min(MAX_STARS, Math.max(0, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(MAX_STARS - filled);
}

export function renderNegativeReview(event: NegativeReviewEvent, timeZone: string, detail: Detail): string {
  const labels = TYPE_LABELS.negative_review;
  const cap = detail.textCap;
  const body = [`${labels.emoji} <b>${labels.title}</b> ${stars(event.rating)}`, ...productLines(event.product, cap)];
  if (event.userName !== null && event.userName !== '') body.push(`Покупатель: ${safe(event.userName, cap)}`);
  const text = event.text.trim();
  const pros = event.pros.trim();
  const cons = event.cons.trim();
  if (text !== '') body.push(`«${safe(text, cap)}»`);
  if (pros !== '') body.push(`Достоинства: ${safe(pros, cap)}`);
  if (cons !== '') body.push(`Недостатки: ${safe(cons, cap)}`);
  if (text === '' && pros === '' && cons === '') body.push('Без текста, только оценка.');
  body.push(formatDateTime(event.occurredAt, timeZone));
  return assemble(body, detail.context ? contextLine(event) : null);
}
