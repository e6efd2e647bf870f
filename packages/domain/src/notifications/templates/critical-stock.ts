import { formatDateTime } from '../../format/date.ts';
import { formatInteger, NBSP } from '../../format/money.ts';
import { countNoun, type PluralForms } from '../../format/plural.ts';
import { contextLine } from '../context-line.ts';
import type { Detail } from '../detail.ts';
import type { CriticalStockEvent, WarehouseRemainder } from '../events.ts';
import { assemble, productLines, safe } from '../parts.ts';
import { TYPE_LABELS } from '../type-labels.ts';

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

export function renderCriticalStock(event: CriticalStockEvent, timeZone: string, detail: Detail): string {
  const labels = TYPE_LABELS.critical_stock;
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
  return assemble(body, detail.context ? contextLine(event) : null);
}
