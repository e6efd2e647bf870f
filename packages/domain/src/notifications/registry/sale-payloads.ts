import { z } from 'zod';
import type { ProductInfo, SaleEvent } from '../events.ts';
import type { EventFacts } from './definition.ts';
import { decimal, instant, int, saleVersion } from './payload-parts.ts';

// Orders (new order, cancellation) and sales (buyout, return): the same product, place and
// price facts, named as WB's statistics API names them. An event first seen in the real-time
// order feed (v2, source "feed") knows no money but the seller's price: what it does not know
// is null, never 0, so no surface shows a figure WB has not given yet.

const statisticsFields = {
  v: saleVersion,
  nmId: int.describe('WB article of the product.'),
  srid: z.string().describe('WB’s unique id of the order line.'),
  supplierArticle: z.string().nullable().describe('The seller’s article; null when the product card is unknown.'),
  brand: z.string().nullable(),
  subject: z.string().nullable(),
  category: z.string().nullable(),
  techSize: z.string().nullable().describe('Size; "0" for one-size products; null when unknown.'),
  barcode: z.string().nullable(),
  warehouseName: z.string().nullable().describe('The warehouse the unit ships from.'),
  warehouseType: z.string().nullable(),
  regionName: z.string().nullable(),
  oblastOkrugName: z.string().nullable(),
  countryName: z.string().nullable(),
  totalPrice: decimal.nullable().describe('Price before any discount; negative on returns; null until statistics.'),
  discountPercent: int.nullable().describe('The seller’s discount, percent; null until statistics.'),
  spp: decimal.nullable().describe('WB’s own discount for the buyer (СПП), percent; null until statistics.'),
  finishedPrice: decimal
    .nullable()
    .describe('What the buyer paid; 0 while WB has not computed it; null until statistics.'),
  priceWithDisc: decimal.nullable().describe('Price after the seller’s discount; null until statistics.'),
  sellerPrice: decimal.nullish().describe('The order feed’s sellerPrice: the seller’s price of the unit.'),
  destinationCity: z.string().nullish().describe('Where the order goes, as the order feed names it.'),
  source: z
    .string()
    .regex(/^(statistics|feed)$/)
    .optional()
    .describe('Which WB source saw the event first: "statistics" or "feed" (the real-time order feed).'),
};

export const orderPayload = z.object({
  ...statisticsFields,
  gNumber: z.string().nullable(),
  orderDate: instant.describe('When the order was placed.'),
  isCancel: z.boolean(),
  cancelDate: instant.nullable().describe('When it was cancelled; null while it is not.'),
});
export type OrderPayload = z.output<typeof orderPayload>;

export const salePayload = z.object({
  ...statisticsFields,
  saleId: z.string().nullable().describe('WB saleID: S… for a buyout, R… for a return; null until statistics.'),
  saleDate: instant,
  forPay: decimal.nullable().describe('What WB pays the seller for it; null until statistics.'),
  paymentSaleAmount: decimal.nullable(),
});
export type SalePayload = z.output<typeof salePayload>;

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : value;

/** The product as a message shows it: the card when the sync has one, else the row's own words. */
export function statisticsProduct(payload: OrderPayload | SalePayload, facts: EventFacts): ProductInfo {
  return {
    nmId: payload.nmId,
    vendorCode: facts.card?.vendorCode || payload.supplierArticle || '',
    name: facts.card?.title ?? text(payload.subject),
    brand: facts.card?.brand ?? text(payload.brand),
    size: text(payload.techSize),
    photoUrl: facts.card?.imageUrl ?? null,
  };
}

/** A Decimal text as rubles; null while WB has not given it. */
const money = (value: string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The facts every sale-like event shows; the caller adds its type. Money becomes rubles. */
export function saleFacts(payload: OrderPayload | SalePayload, facts: EventFacts): Omit<SaleEvent, 'type'> {
  return {
    product: statisticsProduct(payload, facts),
    prices: {
      totalPrice: money(payload.totalPrice),
      sellerDiscountPercent: payload.discountPercent,
      sellerPrice: money(payload.sellerPrice ?? payload.priceWithDisc),
      sppPercent: money(payload.spp),
      finalPrice: money(payload.finishedPrice),
    },
    route:
      payload.warehouseName === null
        ? null
        : {
            warehouseName: payload.warehouseName,
            regionName:
              text(payload.destinationCity) ??
              text(payload.regionName) ??
              text(payload.oblastOkrugName) ??
              text(payload.countryName),
          },
    occurredAt: facts.occurredAt,
    context: facts.context
      ? { count: facts.context.count, amount: facts.context.amount, day: facts.context.day ?? null }
      : null,
  };
}
