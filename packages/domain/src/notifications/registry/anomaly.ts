import { z } from 'zod';
import type { AnomalyEvent } from '../events.ts';
import { anomalyTemplate } from '../templates/anomaly.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '📈',
  title: 'Необычно много отмен или возвратов',
  groupTitle: 'Всплески отмен и возвратов',
  groupForms: ['всплеск отмен и возвратов', 'всплеска отмен и возвратов', 'всплесков отмен и возвратов'],
  nounForms: ['товар', 'товара', 'товаров'],
  shortTitle: 'Всплеск отмен',
  listName: 'Всплески отмен и возвратов',
  listNameInSentence: 'всплески отмен и возвратов',
  aboutPhrase: 'всплесках отмен и возвратов',
};

export const anomalyPayload = z.object({
  v: version,
  nmId: int.describe('WB article of the product.'),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('The Moscow date (YYYY-MM-DD) the figures are of.'),
  windowDays: int.describe('Days before `day` the usual level is averaged over.'),
  figures: z
    .array(
      z
        .object({
          kind: z
            .string()
            .regex(/^(cancellations|returns)$/)
            .describe('cancellations or returns.'),
          count: int.describe('Units of the day.'),
          average: z.number().describe('Daily average over the window.'),
        })
        .meta({ title: 'AnomalyFigure' }),
    )
    .describe('The figures that ran far above their usual level.'),
});
export type AnomalyPayload = z.output<typeof anomalyPayload>;

/** A product's cancellations or returns of a day far above its usual daily level. */
export const anomaly = defineNotificationType({
  id: 'anomaly',
  category: 'statistics',
  setting: { field: 'anomaliesEnabled', column: 'anomalies_enabled' },
  graphql: { toggle: 'anomaly', details: 'AnomalyDetails' },
  labels,
  payload: anomalyPayload,
  dayTotals: null,
  template: anomalyTemplate(labels),
  toEvent: (payload, facts): AnomalyEvent => ({
    type: 'anomaly',
    product: {
      nmId: payload.nmId,
      vendorCode: facts.card?.vendorCode || '',
      name: facts.card?.title ?? null,
      brand: facts.card?.brand ?? null,
      size: null,
      photoUrl: facts.card?.imageUrl ?? null,
    },
    day: payload.day,
    windowDays: payload.windowDays,
    figures: payload.figures.map((figure) => ({
      kind: figure.kind === 'returns' ? 'returns' : 'cancellations',
      count: figure.count,
      average: figure.average,
    })),
    occurredAt: facts.occurredAt,
  }),
});
