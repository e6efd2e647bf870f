import { z } from 'zod';
import { offsetDateTime, text } from './fields.ts';
import { answerOnWbSchema } from './feedbacks.ts';

/** One row of /api/v1/questions. Unknown fields pass: WB adds them without notice. */
export const questionSchema = z.object({
  id: z.string().min(1),
  text: text,
  createdDate: offsetDateTime,
  state: text,
  answer: z.object({ text: z.string() }).passthrough().nullish(),
  productDetails: z.object({
    imtId: z.number().int().nullish(),
    nmId: z.number().int().positive(),
    productName: text,
    supplierArticle: text,
    supplierName: text,
    brandName: text,
  }),
  wasViewed: z.boolean().nullish(),
  isWarned: z.boolean().nullish(),
});

export const questionsEnvelope = z.object({
  data: z.object({
    countUnanswered: z.number().int(),
    countArchive: z.number().int(),
    questions: z.array(z.unknown()),
  }),
  error: z.boolean(),
  errorText: z.string().nullish(),
});

export type WbQuestion = z.output<typeof questionSchema>;

/** `GET /api/v1/question?id=`: one question; only what reconciling an answer needs is checked. */
export const questionByIdEnvelope = z.object({
  data: z.object({ id: z.string().min(1), state: text, answer: answerOnWbSchema }).passthrough(),
});
