import { formatDateTime } from '../../format/date.ts';
import { countNoun } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { NegativeReviewEvent } from '../events.ts';
import { assemble, productLines, safe } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { productShort, REVIEW_CAP } from './group-parts.ts';

const MAX_STARS = 5;

/** 2 → "★★☆☆☆". */
export function stars(rating: number): string {
  const filled = Math.min(MAX_STARS, Math.max(0, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(MAX_STARS - filled);
}

export function negativeReviewTemplate(labels: NotificationLabels): NotificationTemplate<NegativeReviewEvent> {
  const context = (event: NegativeReviewEvent): string | null =>
    event.context == null ? null : `Сегодня: ${countNoun(event.context.count, labels.groupForms)}`;
  return {
    message(event: NegativeReviewEvent, timeZone: string, detail: Detail): string {
      const cap = detail.textCap;
      const body = [
        `${labels.emoji} <b>${labels.title}</b> ${stars(event.rating)}`,
        ...productLines(event.product, cap),
      ];
      if (event.userName !== null && event.userName !== '') body.push(`Покупатель: ${safe(event.userName, cap)}`);
      const text = event.text.trim();
      const pros = event.pros.trim();
      const cons = event.cons.trim();
      if (text !== '') body.push(`«${safe(text, cap)}»`);
      if (pros !== '') body.push(`Достоинства: ${safe(pros, cap)}`);
      if (cons !== '') body.push(`Недостатки: ${safe(cons, cap)}`);
      if (text === '' && pros === '' && cons === '') body.push('Без текста, только оценка.');
      body.push(formatDateTime(event.occurredAt, timeZone));
      return assemble(body, detail.context ? context(event) : null);
    },
    groupItem(event, timeZone) {
      const when = formatDateTime(event.occurredAt, timeZone);
      // The buyer's own words first; a bare "Недостатки" is the next best summary.
      const words = [event.text, event.cons, event.pros].map((t) => t.trim()).find((t) => t !== '');
      const quote = words === undefined ? '' : `: «${safe(words, REVIEW_CAP)}»`;
      return `• ${when} · ${stars(event.rating)} · ${productShort(event.product)}${quote}`;
    },
    groupHeader(events) {
      return [`${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`];
    },
    context,
  };
}
