import { z } from 'zod';
import { offsetDateTime, text } from './fields.ts';

export const feedbackSchema = z.object({
  id: z.string().min(1),
  text: text,
  pros: text,
  cons: text,
  productValuation: z.number().int().min(1).max(5),
  createdDate: offsetDateTime,
  answer: z.object({ text: z.string() }).passthrough().nullish(),
  state: text,
  productDetails: z.object({
    imtId: z.number().int().nullish(),
    nmId: z.number().int().positive(),
    productName: text,
    supplierArticle: text,
    supplierName: text,
    brandName: text,
    size: text,
  }),
  photoLinks: z.array(z.object({ fullSize: z.string(), miniSize: z.string() })).nullish(),
  video: z.unknown().nullish(),
  wasViewed: z.boolean().nullish(),
  userName: text,
  orderStatus: text,
  matchingSize: text,
  subjectName: text,
});

export const feedbacksEnvelope = z.object({
  data: z.object({
    countUnanswered: z.number().int(),
    countArchive: z.number().int(),
    feedbacks: z.array(z.unknown()),
  }),
  error: z.boolean(),
  errorText: z.string().nullish(),
});

export const newFeedbacksEnvelope = z.object({
  data: z.object({ hasNewFeedbacks: z.boolean(), hasNewQuestions: z.boolean() }),
});

export type WbFeedback = z.output<typeof feedbackSchema>;

/** The seller's answer as `GET /api/v1/feedback` and `/api/v1/question` show it. */
export const answerOnWbSchema = z
  .object({ text: z.string(), editable: z.boolean().nullish() })
  .passthrough()
  .nullish()
  .transform((answer) => (answer ? { text: answer.text, editable: answer.editable ?? null } : null));

/** `GET /api/v1/feedback?id=`: one review; only what reconciling an answer needs is checked. */
export const feedbackByIdEnvelope = z.object({
  data: z.object({ id: z.string().min(1), answer: answerOnWbSchema }).passthrough(),
});

export type WbAnswerOnWb = z.output<typeof answerOnWbSchema>;
