import { parsePayload, type NotificationPayload } from '@wb-assist/domain';

// From the rows the upsert reported to the payloads the registry defines. Each is parsed with
// its type's schema before it is written: the outbox never stores a shape readers must guess,
// and the upsert's own flags (inserted, changed, before_*) stay behind.

/** The statistics columns DETAIL_SQL returns, as pg gives them: NUMERIC as text, instants as Date. */
export interface StatisticsRow {
  nm_id: number;
  srid: string;
  supplier_article: string;
  brand: string | null;
  subject: string | null;
  category: string | null;
  tech_size: string;
  barcode: string;
  warehouse_name: string;
  warehouse_type: string | null;
  region_name: string | null;
  oblast_okrug_name: string | null;
  country_name: string | null;
  total_price: string;
  discount_percent: number;
  spp: string;
  finished_price: string;
  price_with_disc: string;
}

export interface OrderRow extends StatisticsRow {
  g_number: string | null;
  order_date: Date;
  is_cancel: boolean;
  cancel_date: Date | null;
}

export interface SaleRow extends StatisticsRow {
  sale_id: string;
  sale_date: Date;
  for_pay: string;
  payment_sale_amount: string;
}

export interface ReviewRow {
  review_id: string;
  nm_id: number;
  product_name: string | null;
  supplier_article: string | null;
  brand_name: string | null;
  size: string | null;
  rating: number;
  text: string;
  pros: string;
  cons: string;
  user_name: string | null;
  created_date: Date;
}

export interface QuestionRow {
  question_id: string;
  nm_id: number;
  product_name: string | null;
  supplier_article: string | null;
  brand_name: string | null;
  text: string;
  created_date: Date;
}

/**
 * The order feed's columns DETAIL_SQL.orderFeed returns, with what the product card adds (the
 * feed names no article, brand or size: only nmId and chrtId).
 */
export interface OrderFeedRow {
  srid: string;
  nm_id: number;
  /** BIGINT: pg gives it as text. */
  chrt_id: string | null;
  order_date: Date;
  status: string;
  status_date: Date;
  warehouse_name: string | null;
  is_mp: boolean | null;
  destination_city: string | null;
  destination_district: string | null;
  seller_price: string | null;
}

/** The card of the feed row's product, as wb_products stores it; null when not synced yet. */
export interface FeedCard {
  vendorCode: string | null;
  brand: string | null;
  subject: string | null;
  techSize: string | null;
  barcode: string | null;
}

const statistics = (row: StatisticsRow) => ({
  v: 2,
  source: 'statistics',
  nmId: row.nm_id,
  srid: row.srid,
  supplierArticle: row.supplier_article,
  brand: row.brand,
  subject: row.subject,
  category: row.category,
  techSize: row.tech_size,
  barcode: row.barcode,
  warehouseName: row.warehouse_name,
  warehouseType: row.warehouse_type,
  regionName: row.region_name,
  oblastOkrugName: row.oblast_okrug_name,
  countryName: row.country_name,
  totalPrice: row.total_price,
  discountPercent: row.discount_percent,
  spp: row.spp,
  finishedPrice: row.finished_price,
  priceWithDisc: row.price_with_disc,
});

export function orderPayload(type: 'new_order' | 'cancellation', row: OrderRow): NotificationPayload<'new_order'> {
  return parsePayload(type, {
    ...statistics(row),
    gNumber: row.g_number,
    orderDate: row.order_date.toISOString(),
    isCancel: row.is_cancel,
    cancelDate: row.cancel_date?.toISOString() ?? null,
  });
}

export function salePayload(type: 'buyout' | 'return', row: SaleRow): NotificationPayload<'buyout'> {
  return parsePayload(type, {
    ...statistics(row),
    saleId: row.sale_id,
    saleDate: row.sale_date.toISOString(),
    forPay: row.for_pay,
    paymentSaleAmount: row.payment_sale_amount,
  });
}

/**
 * What the feed knows of an order, in the statistics shape: money it does not know is null,
 * never 0. Enough for a message (product, size, seller's price, warehouse → city, time); the
 * rest arrives with statistics into wb_orders / wb_sales.
 */
function feedFields(row: OrderFeedRow, card: FeedCard | null) {
  return {
    v: 2,
    source: 'feed',
    nmId: row.nm_id,
    srid: row.srid,
    supplierArticle: card?.vendorCode ?? null,
    brand: card?.brand ?? null,
    subject: card?.subject ?? null,
    category: null,
    techSize: card?.techSize ?? null,
    barcode: card?.barcode ?? null,
    warehouseName: row.warehouse_name,
    warehouseType: row.is_mp === null ? null : row.is_mp ? 'Склад продавца' : 'Склад WB',
    regionName: null,
    oblastOkrugName: row.destination_district,
    countryName: null,
    destinationCity: row.destination_city,
    totalPrice: null,
    discountPercent: null,
    spp: null,
    finishedPrice: null,
    priceWithDisc: null,
    sellerPrice: row.seller_price,
  };
}

export function feedOrderPayload(
  type: 'new_order' | 'cancellation',
  row: OrderFeedRow,
  card: FeedCard | null,
): NotificationPayload<'new_order'> {
  const cancelled = type === 'cancellation';
  return parsePayload(type, {
    ...feedFields(row, card),
    gNumber: null,
    orderDate: row.order_date.toISOString(),
    isCancel: cancelled,
    cancelDate: cancelled ? row.status_date.toISOString() : null,
  });
}

export function feedSalePayload(
  type: 'buyout' | 'return',
  row: OrderFeedRow,
  card: FeedCard | null,
): NotificationPayload<'buyout'> {
  return parsePayload(type, {
    ...feedFields(row, card),
    saleId: null,
    saleDate: row.status_date.toISOString(),
    forPay: null,
    paymentSaleAmount: null,
  });
}

export function reviewPayload(row: ReviewRow): NotificationPayload<'negative_review'> {
  return parsePayload('negative_review', {
    v: 1,
    reviewId: row.review_id,
    nmId: row.nm_id,
    productName: row.product_name,
    supplierArticle: row.supplier_article,
    brandName: row.brand_name,
    size: row.size,
    rating: row.rating,
    text: row.text,
    pros: row.pros,
    cons: row.cons,
    userName: row.user_name,
    createdDate: row.created_date.toISOString(),
  });
}

export function questionPayload(row: QuestionRow): NotificationPayload<'new_question'> {
  return parsePayload('new_question', {
    v: 1,
    questionId: row.question_id,
    nmId: row.nm_id,
    productName: row.product_name,
    supplierArticle: row.supplier_article,
    brandName: row.brand_name,
    text: row.text,
    createdDate: row.created_date.toISOString(),
  });
}
