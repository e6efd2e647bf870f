import { formatDateTime } from '../../format/date.ts';
import { countNoun } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { NewQuestionEvent } from '../events.ts';
import { assemble, productLines, safe } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { productShort, REVIEW_CAP } from './group-parts.ts';

export function newQuestionTemplate(labels: NotificationLabels): NotificationTemplate<NewQuestionEvent> {
  const context = (event: NewQuestionEvent): string | null =>
    event.context == null ? null : `Сегодня: ${countNoun(event.context.count, labels.groupForms)}`;
  return {
    message(event: NewQuestionEvent, timeZone: string, detail: Detail): string {
      const cap = detail.textCap;
      const text = event.text.trim();
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, cap),
        // WB does not refuse an empty question; saying so beats an empty pair of quotes.
        text === '' ? 'Без текста.' : `«${safe(text, cap)}»`,
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, detail.context ? context(event) : null);
    },
    groupItem(event, timeZone) {
      const when = formatDateTime(event.occurredAt, timeZone);
      const text = event.text.trim();
      const quote = text === '' ? '' : `: «${safe(text, REVIEW_CAP)}»`;
      return `• ${when} · ${productShort(event.product)}${quote}`;
    },
    groupHeader(events) {
      return [`${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`];
    },
    context,
  };
}
