import { formatDateTime } from '../../format/date.ts';
import { formatMoney } from '../../format/money.ts';
import { countNoun } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { SaleEvent } from '../events.ts';
import { assemble, effectivePrice, priceLines, productLines, routeText } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { FIELD_CAP, productShort } from './group-parts.ts';

/** The price a list shows: what the buyer paid once statistics know it, else the seller's price. */
function shownPrice(event: SaleEvent): number | null {
  return event.prices ? effectivePrice(event.prices) : event.sellerPrice;
}

/** An event only the order feed has reported: its one known price, labelled; nothing shown as 0. */
function sellerPriceLines(event: SaleEvent): string[] {
  return event.sellerPrice === null ? [] : [`Цена продавца: <b>${formatMoney(event.sellerPrice)}</b>`];
}

/** New order, buyout, cancellation and return: the same facts under a different heading. */
export function saleTemplate(labels: NotificationLabels): NotificationTemplate<SaleEvent> {
  // Return amounts arrive negative; "2 возврата на 3 000 ₽" reads as a size, not a sign.
  const context = (event: SaleEvent): string | null =>
    event.context == null
      ? null
      : `Сегодня: ${countNoun(event.context.count, labels.nounForms)} на ${formatMoney(Math.abs(event.context.amount))}`;
  return {
    message(event: SaleEvent, timeZone: string, detail: Detail): string {
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, detail.textCap),
        ...(event.prices ? priceLines(event.prices) : sellerPriceLines(event)),
        ...(event.route ? [`Склад: ${routeText(event.route, detail.textCap)}`] : []),
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, detail.context ? context(event) : null);
    },
    groupItem(event, timeZone) {
      const when = formatDateTime(event.occurredAt, timeZone);
      const price = shownPrice(event);
      const parts = [when, productShort(event.product)];
      if (price !== null) parts.push(formatMoney(price));
      if (event.route) parts.push(routeText(event.route, FIELD_CAP));
      return `• ${parts.join(' · ')}`;
    },
    groupHeader(events) {
      const count = countNoun(events.length, labels.groupForms);
      const sum = events.reduce((total, e) => total + (shownPrice(e) ?? 0), 0);
      return [`${labels.emoji} <b>${count} на ${formatMoney(Math.abs(sum))}</b>`];
    },
    context,
  };
}
