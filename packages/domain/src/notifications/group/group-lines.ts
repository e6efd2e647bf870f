import { formatDateTime } from '../../format/date.ts';
import { formatInteger, formatMoney } from '../../format/money.ts';
import { countNoun } from '../../format/plural.ts';
import type { CriticalStockEvent, NegativeReviewEvent, NotificationEvent, SaleEvent } from '../events.ts';
import { effectivePrice, hasSize, productName, routeText, safe } from '../parts.ts';
import { pieces, stockedWarehouses, WAREHOUSE_FORMS } from '../templates/critical-stock.ts';
import { stars } from '../templates/negative-review.ts';
import { TYPE_LABELS } from '../type-labels.ts';

// One line per event in a grouped message, with every WB string cut short so that no
// single line can come near the message limit however long the names are.
const NAME_CAP = 40;
const FIELD_CAP = 30;
const REVIEW_CAP = 100;
const WAREHOUSES_PER_ITEM = 3;

function productShort(event: NotificationEvent): string {
  const { product } = event;
  const size = hasSize(product.size) ? ` · ${safe(product.size, FIELD_CAP)}` : '';
  return `<b>${safe(productName(product), NAME_CAP)}</b> · ${safe(product.vendorCode, FIELD_CAP)}${size}`;
}

function saleLine(event: SaleEvent, timeZone: string): string {
  const when = formatDateTime(event.occurredAt, timeZone);
  const price = formatMoney(effectivePrice(event.prices));
  return `• ${when} · ${productShort(event)} · ${price} · ${routeText(event.route, FIELD_CAP)}`;
}

function reviewLine(event: NegativeReviewEvent, timeZone: string): string {
  const when = formatDateTime(event.occurredAt, timeZone);
  // The buyer's own words first; a bare "Недостатки" is the next best summary.
  const words = [event.text, event.cons, event.pros].map((t) => t.trim()).find((t) => t !== '');
  const quote = words === undefined ? '' : `: «${safe(words, REVIEW_CAP)}»`;
  return `• ${when} · ${stars(event.rating)} · ${productShort(event)}${quote}`;
}

function stockLine(event: CriticalStockEvent): string {
  if (event.remaining <= 0) return `• ${productShort(event)}: <b>${pieces(0)}</b>, закончился`;
  const stocked = stockedWarehouses(event.warehouses);
  const where = stocked
    .slice(0, WAREHOUSES_PER_ITEM)
    .map((w) => `${safe(w.warehouseName, FIELD_CAP)} ${formatInteger(w.quantity)}`);
  const hidden = stocked.length - where.length;
  if (hidden > 0) where.push(`ещё ${countNoun(hidden, WAREHOUSE_FORMS)}`);
  const list = where.length === 0 ? '' : ` (${where.join(', ')})`;
  return `• ${productShort(event)}: <b>${pieces(event.remaining)}</b>${list}`;
}

export function itemLine(event: NotificationEvent, timeZone: string): string {
  switch (event.type) {
    case 'negative_review':
      return reviewLine(event, timeZone);
    case 'critical_stock':
      return stockLine(event);
    default:
      return saleLine(event, timeZone);
  }
}

/** The first lines of a group: "🛒 12 новых заказов на 34 560 ₽" (stock adds when it was seen). */
export function headerLines(events: readonly NotificationEvent[], timeZone: string): string[] {
  const [first] = events;
  if (first === undefined) return [];
  const labels = TYPE_LABELS[first.type];
  const count = countNoun(events.length, labels.groupForms);
  switch (first.type) {
    case 'negative_review':
      return [`${labels.emoji} <b>${count}</b>`];
    case 'critical_stock': {
      const latest = events.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
      return [`${labels.emoji} <b>${labels.title}: ${count}</b>`, formatDateTime(latest.occurredAt, timeZone)];
    }
    default: {
      const sum = events.reduce((total, e) => total + ('prices' in e ? effectivePrice(e.prices) : 0), 0);
      return [`${labels.emoji} <b>${count} на ${formatMoney(Math.abs(sum))}</b>`];
    }
  }
}
