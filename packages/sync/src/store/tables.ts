import type { WbCard, WbFeedback, WbOrderFeedRow, WbOrderRow, WbQuestion, WbSaleRow } from '@wb-assist/wb-api';
import { buildUpsert, type UpsertSpec } from './bulk-upsert.ts';

/** Columns both statistics tables share, in WB's order. */
const statisticsColumns = [
  { name: 'last_change_date', type: 'timestamptz' },
  { name: 'warehouse_name', type: 'text' },
  { name: 'warehouse_type', type: 'text' },
  { name: 'country_name', type: 'text' },
  { name: 'oblast_okrug_name', type: 'text' },
  { name: 'region_name', type: 'text' },
  { name: 'supplier_article', type: 'text' },
  { name: 'nm_id', type: 'int' },
  { name: 'barcode', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'subject', type: 'text' },
  { name: 'brand', type: 'text' },
  { name: 'tech_size', type: 'text' },
  { name: 'income_id', type: 'bigint' },
  { name: 'is_supply', type: 'boolean' },
  { name: 'is_realization', type: 'boolean' },
  { name: 'total_price', type: 'numeric', matters: true },
  { name: 'discount_percent', type: 'int', matters: true },
  { name: 'spp', type: 'numeric', matters: true },
  { name: 'finished_price', type: 'numeric', matters: true },
  { name: 'price_with_disc', type: 'numeric', matters: true },
  { name: 'sticker', type: 'text' },
  { name: 'g_number', type: 'text' },
];

export const ORDERS: UpsertSpec = {
  table: 'wb_orders',
  key: ['srid'],
  columns: [
    { name: 'srid', type: 'text' },
    { name: 'order_date', type: 'timestamptz' },
    ...statisticsColumns,
    { name: 'is_cancel', type: 'boolean', matters: true },
    { name: 'cancel_date', type: 'timestamptz', matters: true },
  ],
};

export const SALES: UpsertSpec = {
  table: 'wb_sales',
  key: ['sale_id'],
  columns: [
    { name: 'sale_id', type: 'text' },
    { name: 'type', type: 'sale_type' },
    { name: 'srid', type: 'text' },
    { name: 'sale_date', type: 'timestamptz' },
    ...statisticsColumns,
    { name: 'payment_sale_amount', type: 'numeric', matters: true },
    { name: 'for_pay', type: 'numeric', matters: true },
  ],
};

/** The order feed's picture of each order: its status now, and when it took it. */
export const ORDER_FEED: UpsertSpec = {
  table: 'wb_order_feed',
  key: ['srid'],
  columns: [
    { name: 'srid', type: 'text' },
    { name: 'nm_id', type: 'int' },
    { name: 'chrt_id', type: 'bigint' },
    { name: 'order_date', type: 'timestamptz' },
    { name: 'status', type: 'text', matters: true },
    { name: 'status_date', type: 'timestamptz', matters: true },
    { name: 'cancel_type', type: 'text' },
    { name: 'warehouse_name', type: 'text' },
    { name: 'warehouse_region', type: 'text' },
    { name: 'is_mp', type: 'boolean' },
    { name: 'destination_city', type: 'text' },
    { name: 'destination_district', type: 'text' },
    { name: 'seller_price', type: 'numeric' },
    { name: 'is_b2b', type: 'boolean' },
  ],
};

export const REVIEWS: UpsertSpec = {
  table: 'wb_reviews',
  key: ['review_id'],
  columns: [
    { name: 'review_id', type: 'text' },
    { name: 'nm_id', type: 'int' },
    { name: 'imt_id', type: 'int' },
    { name: 'product_name', type: 'text' },
    { name: 'supplier_article', type: 'text' },
    { name: 'brand_name', type: 'text' },
    { name: 'size', type: 'text' },
    { name: 'subject_name', type: 'text' },
    { name: 'rating', type: 'int', matters: true },
    { name: 'text', type: 'text', matters: true },
    { name: 'pros', type: 'text' },
    { name: 'cons', type: 'text' },
    { name: 'user_name', type: 'text' },
    { name: 'created_date', type: 'timestamptz' },
    { name: 'is_answered', type: 'boolean', matters: true },
    { name: 'answer_text', type: 'text' },
    { name: 'state', type: 'text' },
    { name: 'was_viewed', type: 'boolean' },
    { name: 'order_status', type: 'text' },
    { name: 'matching_size', type: 'text' },
    { name: 'photo_links', type: 'jsonb' },
    { name: 'has_video', type: 'boolean' },
  ],
};

export const QUESTIONS: UpsertSpec = {
  table: 'wb_questions',
  key: ['question_id'],
  columns: [
    { name: 'question_id', type: 'text' },
    { name: 'nm_id', type: 'int' },
    { name: 'imt_id', type: 'int' },
    { name: 'product_name', type: 'text' },
    { name: 'supplier_article', type: 'text' },
    { name: 'brand_name', type: 'text' },
    { name: 'text', type: 'text', matters: true },
    { name: 'created_date', type: 'timestamptz' },
    { name: 'is_answered', type: 'boolean', matters: true },
    { name: 'answer_text', type: 'text', matters: true },
    { name: 'state', type: 'text' },
    { name: 'was_viewed', type: 'boolean' },
    { name: 'is_warned', type: 'boolean' },
  ],
};

export const PRODUCTS: UpsertSpec = {
  table: 'wb_products',
  key: ['nm_id'],
  columns: [
    { name: 'nm_id', type: 'int' },
    { name: 'imt_id', type: 'int' },
    { name: 'vendor_code', type: 'text', matters: true },
    { name: 'brand', type: 'text', matters: true },
    { name: 'title', type: 'text', matters: true },
    { name: 'subject_name', type: 'text' },
    { name: 'image_url', type: 'text', matters: true },
    { name: 'photos', type: 'jsonb' },
    { name: 'sizes', type: 'jsonb' },
    { name: 'wb_created_at', type: 'timestamptz' },
    { name: 'wb_updated_at', type: 'timestamptz' },
  ],
};

export const STOCKS: UpsertSpec = {
  table: 'wb_stocks',
  key: ['nm_id', 'size_key', 'warehouse_key'],
  columns: [
    { name: 'nm_id', type: 'int' },
    { name: 'size_key', type: 'text' },
    { name: 'warehouse_key', type: 'text' },
    { name: 'chrt_id', type: 'bigint' },
    { name: 'tech_size', type: 'text' },
    { name: 'barcode', type: 'text' },
    { name: 'vendor_code', type: 'text' },
    { name: 'warehouse_id', type: 'bigint' },
    { name: 'warehouse_name', type: 'text' },
    { name: 'region_name', type: 'text' },
    { name: 'quantity', type: 'int', matters: true },
    { name: 'in_way_to_client', type: 'int' },
    { name: 'in_way_from_client', type: 'int' },
  ],
};

export const SQL = {
  orders: buildUpsert(ORDERS),
  sales: buildUpsert(SALES),
  reviews: buildUpsert(REVIEWS),
  questions: buildUpsert(QUESTIONS),
  orderFeed: buildUpsert(ORDER_FEED),
  products: buildUpsert(PRODUCTS),
  stocks: buildUpsert(STOCKS),
};

/** What a notification needs to say about the row. */
const productFields = ['nm_id', 'supplier_article', 'brand', 'subject', 'category', 'tech_size', 'barcode'];
const placeFields = ['warehouse_name', 'warehouse_type', 'region_name', 'oblast_okrug_name', 'country_name'];
const priceFields = ['total_price', 'discount_percent', 'spp', 'finished_price', 'price_with_disc'];

/** The periodic sync's variants: one line per inserted or changed row, for event detection. */
export const DETAIL_SQL = {
  orders: buildUpsert(ORDERS, {
    columns: [
      'srid',
      'order_date',
      'g_number',
      'is_cancel',
      'cancel_date',
      ...productFields,
      ...placeFields,
      ...priceFields,
    ],
    before: ['is_cancel'],
  }),
  sales: buildUpsert(SALES, {
    columns: [
      'sale_id',
      'type',
      'srid',
      'sale_date',
      'for_pay',
      'payment_sale_amount',
      ...productFields,
      ...placeFields,
      ...priceFields,
    ],
    before: [],
  }),
  orderFeed: buildUpsert(ORDER_FEED, {
    columns: ORDER_FEED.columns.map((column) => column.name),
    before: ['status'],
  }),
  reviews: buildUpsert(REVIEWS, {
    columns: [
      'review_id',
      'nm_id',
      'product_name',
      'supplier_article',
      'brand_name',
      'size',
      'rating',
      'text',
      'pros',
      'cons',
      'user_name',
      'created_date',
    ],
    before: [],
  }),
  questions: buildUpsert(QUESTIONS, {
    columns: ['question_id', 'nm_id', 'product_name', 'supplier_article', 'brand_name', 'text', 'created_date'],
    before: [],
  }),
};

/** Money goes to numeric through its decimal text: never through a float column. */
const statisticsRecord = (row: WbOrderRow | WbSaleRow) => ({
  last_change_date: row.lastChangeDate.toISOString(),
  warehouse_name: row.warehouseName,
  warehouse_type: row.warehouseType,
  country_name: row.countryName,
  oblast_okrug_name: row.oblastOkrugName,
  region_name: row.regionName,
  supplier_article: row.supplierArticle,
  nm_id: row.nmId,
  barcode: row.barcode,
  category: row.category,
  subject: row.subject,
  brand: row.brand,
  tech_size: row.techSize,
  income_id: row.incomeID,
  is_supply: row.isSupply,
  is_realization: row.isRealization,
  total_price: row.totalPrice,
  discount_percent: row.discountPercent,
  spp: row.spp,
  finished_price: row.finishedPrice,
  price_with_disc: row.priceWithDisc,
  sticker: row.sticker,
  g_number: row.gNumber,
});

export const orderRecord = (row: WbOrderRow) => ({
  srid: row.srid,
  order_date: row.date.toISOString(),
  ...statisticsRecord(row),
  is_cancel: row.isCancel,
  cancel_date: row.cancelDate?.toISOString() ?? null,
});

export const saleRecord = (row: WbSaleRow) => ({
  sale_id: row.saleID,
  type: row.type,
  srid: row.srid,
  sale_date: row.date.toISOString(),
  ...statisticsRecord(row),
  payment_sale_amount: row.paymentSaleAmount,
  for_pay: row.forPay,
});

/** The feed's money is a JS number of rubles: NUMERIC(14,2) reads it exactly enough. */
export const orderFeedRecord = (row: WbOrderFeedRow) => ({
  srid: row.srid,
  nm_id: row.nmId,
  chrt_id: row.chrtId,
  order_date: row.createdAt.toISOString(),
  status: row.status,
  status_date: row.updatedAt.toISOString(),
  cancel_type: row.cancelType,
  warehouse_name: row.warehouseName,
  warehouse_region: row.warehouseRegion,
  is_mp: row.isMp,
  destination_city: row.destinationCity,
  destination_district: row.destinationDistrict,
  seller_price: row.sellerPrice,
  is_b2b: row.isB2b,
});

export const reviewRecord = (row: WbFeedback) => ({
  review_id: row.id,
  nm_id: row.productDetails.nmId,
  imt_id: row.productDetails.imtId ?? null,
  product_name: row.productDetails.productName,
  supplier_article: row.productDetails.supplierArticle,
  brand_name: row.productDetails.brandName,
  size: row.productDetails.size,
  subject_name: row.subjectName,
  rating: row.productValuation,
  text: row.text ?? '',
  pros: row.pros ?? '',
  cons: row.cons ?? '',
  user_name: row.userName,
  created_date: row.createdDate.toISOString(),
  is_answered: Boolean(row.answer?.text),
  answer_text: row.answer?.text ?? null,
  state: row.state,
  was_viewed: row.wasViewed ?? null,
  order_status: row.orderStatus,
  matching_size: row.matchingSize,
  photo_links: row.photoLinks ?? null,
  has_video: row.video !== null && row.video !== undefined,
});

export const questionRecord = (row: WbQuestion) => ({
  question_id: row.id,
  nm_id: row.productDetails.nmId,
  imt_id: row.productDetails.imtId ?? null,
  product_name: row.productDetails.productName,
  supplier_article: row.productDetails.supplierArticle,
  brand_name: row.productDetails.brandName,
  text: row.text ?? '',
  created_date: row.createdDate.toISOString(),
  is_answered: Boolean(row.answer?.text),
  answer_text: row.answer?.text ?? null,
  state: row.state,
  was_viewed: row.wasViewed ?? null,
  is_warned: row.isWarned ?? null,
});

export const productRecord = (card: WbCard) => ({
  nm_id: card.nmID,
  imt_id: card.imtID ?? null,
  vendor_code: card.vendorCode,
  brand: card.brand,
  title: card.title,
  subject_name: card.subjectName,
  image_url: card.photos[0]?.big ?? null,
  photos: card.photos,
  sizes: card.sizes,
  wb_created_at: card.createdAt?.toISOString() ?? null,
  wb_updated_at: card.updatedAt.toISOString(),
});

/** Keeps the last version of each key: one statement must not touch a row twice. */
export function lastByKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(key(row), row);
  return [...byKey.values()];
}
