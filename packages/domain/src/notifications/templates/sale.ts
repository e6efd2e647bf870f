import { formatDateTime } from '../../format/date.ts';
import { contextLine } from '../context-line.ts';
import type { Detail } from '../detail.ts';
import type { SaleEvent } from '../events.ts';
import { assemble, priceLines, productLines, routeText } from '../parts.ts';
import { TYPE_LABELS } from '../type-labels.ts';

/** New order, buyout, cancellation and return: the same facts under a different heading. */
export function renderSale(event: SaleEvent, timeZone: string, detail: Detail): string {
  const labels = TYPE_LABELS[event.type];
  const body = [
    `${labels.emoji} <b>${labels.title}</b>`,
    ...productLines(event.product, detail.textCap),
    ...priceLines(event.prices),
    `Склад: ${routeText(event.route, detail.textCap)}`,
    formatDateTime(event.occurredAt, timeZone),
  ];
  return assemble(body, detail.context ? contextLine(event) : null);
}
