import { formatDateTime } from '../../format/date.ts';
import { formatMoney } from '../../format/money.ts';
import { countNoun } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { SaleEvent } from '../events.ts';
import { assemble, countedPrice, priceLines, productLines, routeText } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { dayOfContext } from './day-of-context.ts';
import { FIELD_CAP, productShort } from './group-parts.ts';

/** New order, buyout, cancellation and return: the same facts under a different heading. */
export function saleTemplate(labels: NotificationLabels): NotificationTemplate<SaleEvent> {
  // Return amounts arrive negative; "2 возврата на 3 000 ₽" reads as a size, not a sign.
  const context = (event: SaleEvent): string | null =>
    event.context == null
      ? null
      : `${dayOfContext(event.context.day)}: ${countNoun(event.context.count, labels.nounForms)} на ${formatMoney(Math.abs(event.context.amount))}`;
  return {
    message(event: SaleEvent, timeZone: string, detail: Detail): string {
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, detail.textCap),
        ...priceLines(event.prices),
        ...(event.route ? [`Склад: ${routeText(event.route, detail.textCap)}`] : []),
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, detail.context ? context(event) : null);
    },
    // One price per line, the seller's (the dashboard's figure); left out while WB has not given it.
    groupItem(event, timeZone) {
      const when = formatDateTime(event.occurredAt, timeZone);
      const parts = [when, productShort(event.product)];
      const price = countedPrice(event.prices);
      if (price !== null) parts.push(formatMoney(price));
      if (event.route) parts.push(routeText(event.route, FIELD_CAP));
      return `• ${parts.join(' · ')}`;
    },
    groupHeader(events) {
      const count = countNoun(events.length, labels.groupForms);
      const prices = events.map((e) => countedPrice(e.prices)).filter((price) => price !== null);
      if (prices.length === 0) return [`${labels.emoji} <b>${count}</b>`];
      const sum = prices.reduce((total, price) => total + price, 0);
      return [`${labels.emoji} <b>${count} на ${formatMoney(Math.abs(sum))}</b>`];
    },
    context,
  };
}
