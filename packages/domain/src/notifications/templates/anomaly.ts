import { formatDateTime } from '../../format/date.ts';
import { countNoun, pluralRu } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { AnomalyEvent, AnomalyFigure } from '../events.ts';
import { assemble, productLines } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { pieces } from './critical-stock.ts';
import { DAY_FORMS, formatRate, shortDay } from './day-parts.ts';
import { productShort } from './group-parts.ts';

const FIGURE_NAME = { cancellations: 'Отмен', returns: 'Возвратов' } as const;

/** "в 6 раз", "в 3,5 раза". */
function times(ratio: number): string {
  const rounded = Math.round(ratio * 10) / 10;
  const word = Number.isInteger(rounded) ? pluralRu(rounded, ['раз', 'раза', 'раз']) : 'раза';
  return `${formatRate(rounded)} ${word}`;
}

/** "Отмен за 27.11: 12 шт. — в 6 раз больше обычного (в среднем 2 шт. в день за 14 дней)". */
function figureLine(figure: AnomalyFigure, event: AnomalyEvent): string {
  const usual =
    figure.average === 0
      ? `обычно их не бывает (0 за ${countNoun(event.windowDays, DAY_FORMS)})`
      : `в ${times(figure.count / figure.average)} больше обычного (в среднем ${formatRate(figure.average)} шт. в день за ${countNoun(event.windowDays, DAY_FORMS)})`;
  return `${FIGURE_NAME[figure.kind]} за ${shortDay(event.day)}: <b>${pieces(figure.count)}</b> — ${usual}`;
}

export function anomalyTemplate(labels: NotificationLabels): NotificationTemplate<AnomalyEvent> {
  return {
    message(event: AnomalyEvent, timeZone: string, detail: Detail): string {
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, detail.textCap),
        ...event.figures.map((figure) => figureLine(figure, event)),
        'Проверьте карточку, размерную сетку и отзывы: частая причина — несоответствие описанию.',
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, null);
    },
    groupItem(event) {
      const figures = event.figures.map((f) => `${FIGURE_NAME[f.kind].toLowerCase()} ${f.count}`).join(', ');
      return `• ${productShort(event.product)}: ${figures} за ${shortDay(event.day)}`;
    },
    groupHeader(events) {
      return [`${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`];
    },
    context: () => null,
  };
}
