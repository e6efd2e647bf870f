import { z } from 'zod';
import type { NewQuestionEvent } from '../events.ts';
import { newQuestionTemplate } from '../templates/new-question.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { instant, int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '❓',
  title: 'Вопрос покупателя',
  groupTitle: 'Вопросы покупателей',
  groupForms: ['вопрос покупателя', 'вопроса покупателей', 'вопросов покупателей'],
  nounForms: ['вопрос', 'вопроса', 'вопросов'],
  shortTitle: 'Вопрос покупателя',
  listName: 'Вопросы покупателей',
  listNameInSentence: 'вопросы покупателей',
  aboutPhrase: 'вопросах покупателей',
};

export const questionPayload = z.object({
  v: version,
  questionId: z.string().describe('WB’s id of the question.'),
  nmId: int.describe('WB article of the product.'),
  productName: z.string().nullable(),
  supplierArticle: z.string().nullable().describe('The seller’s article.'),
  brandName: z.string().nullable(),
  text: z.string().describe('What the buyer asked.'),
  createdDate: instant.describe('When the buyer asked it.'),
});
export type QuestionPayload = z.output<typeof questionPayload>;

const text = (value: string | null): string | null => (value === null || value === '' ? null : value);

/** A buyer's question seen for the first time: unanswered, it costs a sale. */
export const newQuestion = defineNotificationType({
  id: 'new_question',
  category: 'feedbacks',
  setting: { field: 'newQuestionsEnabled', column: 'new_questions_enabled' },
  graphql: { toggle: 'newQuestion', details: 'NewQuestionDetails' },
  labels,
  payload: questionPayload,
  dayTotals: null,
  template: newQuestionTemplate(labels),
  toEvent: (payload, facts): NewQuestionEvent => ({
    type: 'new_question',
    questionId: payload.questionId,
    product: {
      nmId: payload.nmId,
      vendorCode: facts.card?.vendorCode || text(payload.supplierArticle) || '',
      name: facts.card?.title ?? text(payload.productName),
      brand: facts.card?.brand ?? text(payload.brandName),
      // A question is about the product, not one of its sizes.
      size: null,
      photoUrl: facts.card?.imageUrl ?? null,
    },
    text: payload.text,
    occurredAt: facts.occurredAt,
    context: facts.context ? { count: facts.context.count } : null,
  }),
});
