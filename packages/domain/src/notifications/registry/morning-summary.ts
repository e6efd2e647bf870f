import { z } from 'zod';
import type { MorningSummaryEvent } from '../events.ts';
import { morningSummaryTemplate } from '../templates/morning-summary.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { negativeReview } from './negative-review.ts';
import { int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '☀️',
  title: 'Утренняя сводка',
  groupTitle: 'Утренние сводки',
  groupForms: ['утренняя сводка', 'утренние сводки', 'утренних сводок'],
  nounForms: ['сводка', 'сводки', 'сводок'],
  shortTitle: 'Сводка за день',
  listName: 'Утренняя сводка',
  listNameInSentence: 'утренняя сводка',
  aboutPhrase: 'итогах вчерашнего дня',
};

const money = z.number().describe('Rubles, as the dashboard sums them.');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const size = z
  .object({
    nmId: int,
    name: z.string().nullable(),
    vendorCode: z.string(),
    size: z.string().nullable(),
    available: int.describe('Units available for sale over all warehouses.'),
    daysOfCover: z.number().nullable().describe('Days the stock lasts at the last 14 days’ rate.'),
  })
  .meta({ title: 'SummarySize' });

export const morningSummaryPayload = z.object({
  v: version,
  cabinetName: z.string(),
  day: localDate.describe('The local date (the user’s zone) the figures are of: yesterday.'),
  weekAgo: localDate.describe('The same weekday a week before `day`.'),
  figures: z
    .array(
      z
        .object({
          kind: z.string().regex(/^(orders|buyouts|cancellations|returns)$/),
          count: int,
          amount: money,
          weekAgoCount: int,
          weekAgoAmount: money,
        })
        .meta({ title: 'SummaryFigure' }),
    )
    .describe('Orders, buyouts, cancellations and returns of the day and of a week before.'),
  buyoutRate: z
    .number()
    .nullable()
    .describe('Buyouts ÷ (buyouts + returns) of the day, percent, as the dashboard counts it.'),
  topProducts: z
    .array(
      z
        .object({ nmId: int, name: z.string().nullable(), vendorCode: z.string(), count: int, amount: money })
        .meta({ title: 'SummaryProduct' }),
    )
    .describe('The day’s three most ordered products.'),
  critical: z.array(size).describe('Sizes at or below the critical-stock threshold (the first few).'),
  criticalTotal: int,
  runningOut: z.array(size).describe('Sizes whose days of cover are below the user’s threshold (the first few).'),
  runningOutTotal: int,
  unansweredNegative: int.describe('Reviews of 1–3 stars without an answer.'),
  detailsUrl: z
    .string()
    .regex(/^https?:\/\//)
    .describe('The dashboard on that day.'),
});
export type MorningSummaryPayload = z.output<typeof morningSummaryPayload>;

const FIGURE_KINDS = ['orders', 'buyouts', 'cancellations', 'returns'] as const;
const figureKind = (kind: string) => FIGURE_KINDS.find((known) => known === kind) ?? 'orders';

/** Yesterday in one cabinet, at the time the user picked: once per user and local date. */
export const morningSummary = defineNotificationType({
  id: 'morning_summary',
  category: 'statistics',
  setting: { field: 'morningSummaryEnabled', column: 'morning_summary_enabled' },
  graphql: { toggle: 'morningSummary', details: 'MorningSummaryDetails' },
  labels,
  payload: morningSummaryPayload,
  dayTotals: null,
  template: morningSummaryTemplate(labels, negativeReview.labels.groupForms),
  toEvent: (payload, facts): MorningSummaryEvent => ({
    ...payload,
    type: 'morning_summary',
    product: null,
    figures: payload.figures.map((figure) => ({ ...figure, kind: figureKind(figure.kind) })),
    occurredAt: facts.occurredAt,
  }),
});
