import { z } from 'zod';
import { flag, moscowDateTime, money, optionalMoscowDateTime, text } from './fields.ts';

/** Fields orders and sales share (WB statistics, one row = one unit). */
const common = {
  date: moscowDateTime,
  lastChangeDate: moscowDateTime,
  warehouseName: z.string(),
  warehouseType: text,
  countryName: text,
  oblastOkrugName: text,
  regionName: text,
  supplierArticle: z.string(),
  nmId: z.number().int().positive(),
  barcode: z.string(),
  category: text,
  subject: text,
  brand: text,
  techSize: z.string(),
  incomeID: z
    .number()
    .int()
    .nullish()
    .transform((value) => value ?? null),
  isSupply: flag,
  isRealization: flag,
  totalPrice: money,
  discountPercent: z.number().int(),
  spp: z.number().finite(),
  finishedPrice: money,
  priceWithDisc: money,
  sticker: text,
  gNumber: text,
  srid: z.string().min(1),
};

export const orderRowSchema = z.object({
  ...common,
  isCancel: z.boolean(),
  cancelDate: optionalMoscowDateTime,
});

export const saleRowSchema = z
  .object({
    ...common,
    paymentSaleAmount: money.nullish().transform((value) => value ?? 0),
    forPay: money,
    saleID: z.string().regex(/^[SR]/, 'saleID must start with S (buyout) or R (return)'),
  })
  .transform((row) => ({ ...row, type: row.saleID.startsWith('S') ? ('buyout' as const) : ('return' as const) }));

export type WbOrderRow = z.output<typeof orderRowSchema>;
export type WbSaleRow = z.output<typeof saleRowSchema>;
