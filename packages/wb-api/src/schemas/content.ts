import { z } from 'zod';
import { offsetDateTime, text } from './fields.ts';

export const cardSchema = z.object({
  nmID: z.number().int().positive(),
  imtID: z.number().int().nullish(),
  vendorCode: z.string(),
  brand: text,
  title: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  subjectName: text,
  photos: z
    .array(z.object({ big: z.string().optional() }).passthrough())
    .nullish()
    .transform((value) => value ?? []),
  sizes: z
    .array(
      z
        .object({ chrtID: z.number().int(), techSize: z.string().nullish(), skus: z.array(z.string()).nullish() })
        .passthrough(),
    )
    .nullish()
    .transform((value) => value ?? []),
  createdAt: offsetDateTime.nullish(),
  updatedAt: offsetDateTime,
});

export const cardsEnvelope = z.object({
  cards: z.array(z.unknown()),
  cursor: z.object({ updatedAt: z.string().nullish(), nmID: z.number().int().nullish(), total: z.number().int() }),
});

export const sellerInfoSchema = z.object({
  name: z.string(),
  sid: z.string(),
  tradeMark: text,
  tin: text,
});

export type WbCard = z.output<typeof cardSchema>;
export type WbSellerInfo = z.output<typeof sellerInfoSchema>;
