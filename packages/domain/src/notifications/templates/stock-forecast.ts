import { formatDateTime } from '../../format/date.ts';
import { countNoun } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { StockForecastEvent } from '../events.ts';
import { assemble, productLines } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { pieces } from './critical-stock.ts';
import { DAY_FORMS, formatRate } from './day-parts.ts';
import { productShort } from './group-parts.ts';

/** «закончится примерно через 5 дней»; under a day of cover, «в ближайшие сутки». */
export function runsOutIn(daysOfCover: number): string {
  const days = Math.floor(daysOfCover);
  return days < 1 ? 'закончится в ближайшие сутки' : `закончится примерно через ${countNoun(days, DAY_FORMS)}`;
}

function rateLine(event: StockForecastEvent): string {
  return `Заказывают ~${formatRate(event.orders / event.windowDays)} шт. в день (${countNoun(event.orders, ['заказ', 'заказа', 'заказов'])} за ${countNoun(event.windowDays, DAY_FORMS)})`;
}

export function stockForecastTemplate(labels: NotificationLabels): NotificationTemplate<StockForecastEvent> {
  return {
    message(event: StockForecastEvent, timeZone: string, detail: Detail): string {
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, detail.textCap),
        `Осталось <b>${pieces(event.available)}</b> — ${runsOutIn(event.daysOfCover)}`,
        rateLine(event),
        `Ваш порог: ${countNoun(event.thresholdDays, DAY_FORMS)} запаса`,
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, null);
    },
    groupItem(event) {
      return `• ${productShort(event.product)}: <b>${pieces(event.available)}</b>, ${runsOutIn(event.daysOfCover)}`;
    },
    groupHeader(events, timeZone) {
      const latest = events.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
      return [
        `${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`,
        formatDateTime(latest.occurredAt, timeZone),
      ];
    },
    context: () => null,
    // The size that runs out first leads the list.
    groupOrder: (a, b) => a.daysOfCover - b.daysOfCover,
  };
}
