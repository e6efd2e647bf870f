import { z } from 'zod';
import { parseOffsetDateTime } from '../time.ts';
import { flag, offsetDateTime, text } from './fields.ts';

/**
 * The order's status as the feed reports it. WB may add statuses: an unknown one is kept as
 * text (the row is still an order WB knows about), and the sync decides what it means.
 */
export const ORDER_FEED_STATUSES = ['created', 'buyout', 'cancel', 'return', 'returnDefective'] as const;

/**
 * One row of POST /api/analytics/v1/order-feed. Only what identifies the order and when is
 * required; every other field may be absent or null (WB's envelope is not yet checked against
 * live WB), and fields WB adds are ignored.
 */
export const orderFeedRowSchema = z.object({
  srid: z.string().min(1),
  nmId: z.number().int().positive(),
  chrtId: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? null),
  createdAt: offsetDateTime,
  updatedAt: offsetDateTime,
  status: z.string().min(1),
  cancelType: text.transform((value) => (value === '' ? null : value)),
  warehouseName: text,
  warehouseRegion: text,
  isMp: flag,
  destinationCity: text,
  destinationDistrict: text,
  /** The seller's price of the unit, rubles. */
  sellerPrice: z
    .number()
    .finite()
    .nullish()
    .transform((value) => value ?? null),
  isB2b: flag,
});

export const orderFeedEnvelope = z.object({
  data: z.object({
    orders: z
      .array(z.unknown())
      .nullish()
      .transform((value) => value ?? []),
    /** Passed back as it came on the next pages; read as an instant for the watermark. */
    snapshotTime: z.string().refine((value) => parseOffsetDateTime(value) !== undefined, 'not a datetime'),
  }),
});

export type WbOrderFeedRow = z.output<typeof orderFeedRowSchema>;
