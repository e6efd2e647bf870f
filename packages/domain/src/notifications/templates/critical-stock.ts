import { formatDateTime } from '../../format/date.ts';
import { formatInteger, NBSP } from '../../format/money.ts';
import { countNoun, type PluralForms } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { CriticalStockEvent, WarehouseRemainder } from '../events.ts';
import { assemble, productLines, safe } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { FIELD_CAP, productShort, WAREHOUSES_PER_ITEM } from './group-parts.ts';

export const WAREHOUSE_FORMS: PluralForms = ['склад', 'склада', 'складов'];

export function pieces(quantity: number): string {
  return `${formatInteger(quantity)}${NBSP}шт.`;
}

/** Warehouses still holding units, fullest first, so the list answers "where is the rest". */
export function stockedWarehouses(warehouses: readonly WarehouseRemainder[]): WarehouseRemainder[] {
  return warehouses
    .filter((w) => w.quantity > 0)
    .sort((a, b) => b.quantity - a.quantity || a.warehouseName.localeCompare(b.warehouseName, 'ru'));
}

function warehouseLines(event: CriticalStockEvent, detail: Detail): string[] {
  const stocked = stockedWarehouses(event.warehouses);
  if (stocked.length === 0) return [];
  const shown = stocked.slice(0, detail.listCap);
  const lines = ['Где остались:'];
  for (const w of shown) {
    const region = w.regionName === null || w.regionName === '' ? '' : ` (${safe(w.regionName, detail.textCap)})`;
    lines.push(`• ${safe(w.warehouseName, detail.textCap)}${region}: ${pieces(w.quantity)}`);
  }
  const hidden = stocked.slice(shown.length);
  if (hidden.length > 0) {
    const units = hidden.reduce((sum, w) => sum + w.quantity, 0);
    lines.push(`…и ещё ${countNoun(hidden.length, WAREHOUSE_FORMS)}: ${pieces(units)}`);
  }
  return lines;
}

export function criticalStockTemplate(labels: NotificationLabels): NotificationTemplate<CriticalStockEvent> {
  const context = (event: CriticalStockEvent): string | null =>
    event.context == null
      ? null
      : `Всего на критическом остатке: ${countNoun(event.context.criticalSizes, labels.nounForms)}`;
  return {
    message(event: CriticalStockEvent, timeZone: string, detail: Detail): string {
      const remaining =
        event.remaining <= 0
          ? `Осталось: <b>${pieces(0)}</b>, товар закончился`
          : `Осталось: <b>${pieces(event.remaining)}</b> (порог ${pieces(event.threshold)})`;
      const body = [
        `${labels.emoji} <b>${labels.title}</b>`,
        ...productLines(event.product, detail.textCap),
        remaining,
        ...warehouseLines(event, detail),
        formatDateTime(event.occurredAt, timeZone),
      ];
      return assemble(body, detail.context ? context(event) : null);
    },
    groupItem(event) {
      if (event.remaining <= 0) return `• ${productShort(event.product)}: <b>${pieces(0)}</b>, закончился`;
      const stocked = stockedWarehouses(event.warehouses);
      const where = stocked
        .slice(0, WAREHOUSES_PER_ITEM)
        .map((w) => `${safe(w.warehouseName, FIELD_CAP)} ${formatInteger(w.quantity)}`);
      const hidden = stocked.length - where.length;
      if (hidden > 0) where.push(`ещё ${countNoun(hidden, WAREHOUSE_FORMS)}`);
      const list = where.length === 0 ? '' : ` (${where.join(', ')})`;
      return `• ${productShort(event.product)}: <b>${pieces(event.remaining)}</b>${list}`;
    },
    groupHeader(events, timeZone) {
      const latest = events.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
      const count = countNoun(events.length, labels.groupForms);
      return [`${labels.emoji} <b>${labels.title}: ${count}</b>`, formatDateTime(latest.occurredAt, timeZone)];
    },
    context,
    // Most urgent first: the emptiest sizes lead the list.
    groupOrder: (a, b) => a.remaining - b.remaining,
  };
}
