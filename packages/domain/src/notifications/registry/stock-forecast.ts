import { z } from 'zod';
import type { StockForecastEvent } from '../events.ts';
import { stockForecastTemplate } from '../templates/stock-forecast.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '⏳',
  title: 'Скоро закончится',
  groupTitle: 'Скоро закончатся',
  groupForms: ['размер скоро закончится', 'размера скоро закончатся', 'размеров скоро закончатся'],
  nounForms: ['размер', 'размера', 'размеров'],
  shortTitle: 'Прогноз остатка',
  listName: 'Прогноз остатков',
  listNameInSentence: 'прогноз остатков',
  aboutPhrase: 'товарах, которые скоро закончатся',
};

export const stockForecastPayload = z.object({
  v: version,
  nmId: int.describe('WB article of the product.'),
  sizeKey: z.string().describe('Which size of the product: "chrt:<chrtId>" or "size:<techSize>".'),
  techSize: z.string().nullable(),
  available: int.describe('Units available for sale over all warehouses.'),
  orders: int.describe('Orders of this size over the last windowDays days, cancelled ones left out.'),
  windowDays: int.describe('Days the daily average is taken over.'),
  daysOfCover: z.number().describe('available ÷ average daily orders: days until it runs out.'),
  thresholdDays: int.describe('The user’s threshold the days of cover fell below.'),
});
export type StockForecastPayload = z.output<typeof stockForecastPayload>;

/** A product size whose days of cover fell below the user's threshold: order more now. */
export const stockForecast = defineNotificationType({
  id: 'stock_forecast',
  category: 'analytics',
  setting: { field: 'stockForecastsEnabled', column: 'stock_forecasts_enabled' },
  graphql: { toggle: 'stockForecast', details: 'StockForecastDetails' },
  labels,
  payload: stockForecastPayload,
  dayTotals: null,
  template: stockForecastTemplate(labels),
  toEvent: (payload, facts): StockForecastEvent => ({
    type: 'stock_forecast',
    product: {
      nmId: payload.nmId,
      vendorCode: facts.card?.vendorCode || '',
      name: facts.card?.title ?? null,
      brand: facts.card?.brand ?? null,
      size: payload.techSize === '' ? null : payload.techSize,
      photoUrl: facts.card?.imageUrl ?? null,
    },
    available: payload.available,
    orders: payload.orders,
    windowDays: payload.windowDays,
    daysOfCover: payload.daysOfCover,
    thresholdDays: payload.thresholdDays,
    occurredAt: facts.occurredAt,
  }),
});
