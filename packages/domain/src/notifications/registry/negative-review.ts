import { z } from 'zod';
import type { NegativeReviewEvent } from '../events.ts';
import { negativeReviewTemplate } from '../templates/negative-review.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { instant, int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '👎',
  title: 'Негативный отзыв',
  groupTitle: 'Негативные отзывы',
  groupForms: ['негативный отзыв', 'негативных отзыва', 'негативных отзывов'],
  nounForms: ['отзыв', 'отзыва', 'отзывов'],
  shortTitle: 'Негативный отзыв',
  listName: 'Негативные отзывы',
  listNameInSentence: 'негативные отзывы',
  aboutPhrase: 'негативных отзывах',
};

export const reviewPayload = z.object({
  v: version,
  reviewId: z.string().describe('WB’s id of the review.'),
  nmId: int.describe('WB article of the product.'),
  productName: z.string().nullable(),
  supplierArticle: z.string().nullable().describe('The seller’s article.'),
  brandName: z.string().nullable(),
  size: z.string().nullable(),
  rating: int.describe('Stars, 1 to 3 for a negative review.'),
  text: z.string(),
  pros: z.string(),
  cons: z.string(),
  userName: z.string().nullable(),
  createdDate: instant.describe('When the buyer wrote it.'),
});
export type ReviewPayload = z.output<typeof reviewPayload>;

const text = (value: string | null): string | null => (value === null || value === '' ? null : value);

/** A review of 1–3 stars seen for the first time. */
export const negativeReview = defineNotificationType({
  id: 'negative_review',
  category: 'feedbacks',
  setting: { field: 'negativeReviewsEnabled', column: 'negative_reviews_enabled' },
  graphql: { toggle: 'negativeReview', details: 'NegativeReviewDetails' },
  labels,
  payload: reviewPayload,
  dayTotals: null,
  template: negativeReviewTemplate(labels),
  toEvent: (payload, facts): NegativeReviewEvent => ({
    type: 'negative_review',
    reviewId: payload.reviewId,
    product: {
      nmId: payload.nmId,
      vendorCode: facts.card?.vendorCode || text(payload.supplierArticle) || '',
      name: facts.card?.title ?? text(payload.productName),
      brand: facts.card?.brand ?? text(payload.brandName),
      size: text(payload.size),
      photoUrl: facts.card?.imageUrl ?? null,
    },
    rating: payload.rating,
    text: payload.text,
    pros: payload.pros,
    cons: payload.cons,
    userName: text(payload.userName),
    occurredAt: facts.occurredAt,
    context: facts.context ? { count: facts.context.count } : null,
  }),
});
