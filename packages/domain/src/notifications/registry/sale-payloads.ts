import { z } from 'zod';
import type { ProductInfo, SaleEvent } from '../events.ts';
import type { EventFacts } from './definition.ts';
import { decimal, instant, int, version } from './payload-parts.ts';

// Orders (new order, cancellation) and sales (buyout, return) are WB statistics rows: the same
// product, place and price facts, named as WB's statistics API names them.

const statisticsFields = {
  v: version,
  nmId: int.describe('WB article of the product.'),
  srid: z.string().describe('WB’s unique id of the order line.'),
  supplierArticle: z.string().describe('The seller’s article.'),
  brand: z.string().nullable(),
  subject: z.string().nullable(),
  category: z.string().nullable(),
  techSize: z.string().describe('Size; "0" for one-size products.'),
  barcode: z.string(),
  warehouseName: z.string().describe('The warehouse the unit ships from.'),
  warehouseType: z.string().nullable(),
  regionName: z.string().nullable(),
  oblastOkrugName: z.string().nullable(),
  countryName: z.string().nullable(),
  totalPrice: decimal.describe('Price before any discount; negative on returns.'),
  discountPercent: int.describe('The seller’s discount, percent.'),
  spp: decimal.describe('WB’s own discount for the buyer (СПП), percent.'),
  finishedPrice: decimal.describe('What the buyer paid; 0 while WB has not computed it.'),
  priceWithDisc: decimal.describe('Price after the seller’s discount.'),
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
  saleId: z.string().describe('WB saleID: S… for a buyout, R… for a return.'),
  saleDate: instant,
  forPay: decimal.describe('What WB pays the seller for it.'),
  paymentSaleAmount: decimal,
});
export type SalePayload = z.output<typeof salePayload>;

const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : value;

/** The product as a message shows it: the card when the sync has one, else the row's own words. */
export function statisticsProduct(payload: OrderPayload | SalePayload, facts: EventFacts): ProductInfo {
  return {
    nmId: payload.nmId,
    vendorCode: facts.card?.vendorCode || payload.supplierArticle,
    name: facts.card?.title ?? text(payload.subject),
    brand: facts.card?.brand ?? text(payload.brand),
    size: text(payload.techSize),
    photoUrl: facts.card?.imageUrl ?? null,
  };
}

/** The facts every sale-like event shows; the caller adds its type. Money becomes rubles. */
export function saleFacts(payload: OrderPayload | SalePayload, facts: EventFacts): Omit<SaleEvent, 'type'> {
  return {
    product: statisticsProduct(payload, facts),
    prices: {
      totalPrice: Number(payload.totalPrice),
      sellerDiscountPercent: payload.discountPercent,
      sellerPrice: Number(payload.priceWithDisc),
      sppPercent: Number(payload.spp),
      finalPrice: Number(payload.finishedPrice),
    },
    route: {
      warehouseName: payload.warehouseName,
      regionName: text(payload.regionName) ?? text(payload.oblastOkrugName) ?? text(payload.countryName),
    },
    occurredAt: facts.occurredAt,
    context: facts.context
      ? { count: facts.context.count, amount: facts.context.amount, day: facts.context.day ?? null }
      : null,
  };
}
