import { z } from 'zod';
import type { CriticalStockEvent } from '../events.ts';
import { criticalStockTemplate } from '../templates/critical-stock.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '📦',
  title: 'Критический остаток',
  groupTitle: 'Критический остаток',
  groupForms: ['позиция', 'позиции', 'позиций'],
  nounForms: ['позиция', 'позиции', 'позиций'],
  shortTitle: 'Критический остаток',
  listName: 'Критические остатки',
  listNameInSentence: 'критические остатки',
  aboutPhrase: 'критических остатках',
};

export const stockPayload = z.object({
  v: version,
  nmId: int.describe('WB article of the product.'),
  sizeKey: z.string().describe('Which size of the product: "chrt:<chrtId>" or "size:<techSize>".'),
  techSize: z.string().nullable(),
  available: int.describe('Units available for sale over all warehouses.'),
  threshold: int.describe('The cabinet’s threshold the stock fell to or below.'),
  warehouses: z
    .array(
      z
        .object({ warehouseName: z.string(), regionName: z.string().nullable(), quantity: int })
        .meta({ title: 'StockWarehouse' }),
    )
    .describe('Where the units are, fullest first.'),
});
export type StockPayload = z.output<typeof stockPayload>;

/** A product size crossing from above the threshold to at or below it. */
export const criticalStock = defineNotificationType({
  id: 'critical_stock',
  category: 'analytics',
  setting: { field: 'criticalStocksEnabled', column: 'critical_stocks_enabled' },
  graphql: { toggle: 'criticalStock', details: 'CriticalStockDetails' },
  labels,
  payload: stockPayload,
  dayTotals: null,
  template: criticalStockTemplate(labels),
  toEvent: (payload, facts): CriticalStockEvent => ({
    type: 'critical_stock',
    product: {
      nmId: payload.nmId,
      vendorCode: facts.card?.vendorCode || '',
      name: facts.card?.title ?? null,
      brand: facts.card?.brand ?? null,
      size: payload.techSize === '' ? null : payload.techSize,
      photoUrl: facts.card?.imageUrl ?? null,
    },
    threshold: payload.threshold,
    remaining: payload.available,
    warehouses: payload.warehouses,
    occurredAt: facts.occurredAt,
    context: facts.context ? { criticalSizes: facts.context.criticalSizes } : null,
  }),
});
