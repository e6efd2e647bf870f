/**
 * What a notification says, as plain data. Each type's registry entry builds these from the
 * stored payload and the product card (toEvent); templates only format them.
 *
 * Money is a JS number of rubles with kopecks as the fraction (1234.5 = 1 234,50 ₽): convert
 * Prisma's Decimal with `Number(decimal)` (NUMERIC(14,2) fits a double exactly enough).
 */

export interface ProductInfo {
  /** WB article (nmId), used for the product link. */
  nmId: number;
  /** The seller's article (vendorCode / supplierArticle). */
  vendorCode: string;
  /** Card title; null when there is no content card (then the subject is a good fallback). */
  name: string | null;
  brand: string | null;
  /** techSize; "0" and "" mean a one-size product and are not shown. */
  size: string | null;
  /** WbProduct.imageUrl; null sends the message without a photo. */
  photoUrl: string | null;
}

/**
 * A sale's prices, named as the seller reads them. A figure WB has not given yet is null (the
 * real-time feed knows only the seller's price; statistics fill the rest later) or, from
 * statistics, 0 for up to a day: a message leaves either out rather than print 0.
 */
export interface Prices {
  /** WB totalPrice: the price before any discount. Negative on returns. */
  totalPrice: number | null;
  /** WB discountPercent: the seller's discount. */
  sellerDiscountPercent: number | null;
  /**
   * WB priceWithDisc (the feed's sellerPrice): the price after the seller's discount, «Цена
   * продавца». The figure the dashboard shows and sums. Negative on returns.
   */
  sellerPrice: number | null;
  /** WB spp: WB's own discount for the buyer (СПП), percent. */
  sppPercent: number | null;
  /** WB finishedPrice: what the buyer paid, «Покупатель заплатил». Negative on returns. */
  finalPrice: number | null;
}

/** Where the unit ships from and where it goes. */
export interface Route {
  warehouseName: string;
  /** regionName of the row (fall back to oblastOkrugName, then countryName); null when WB gave none. */
  regionName: string | null;
}

/** This type's figures of the day in the user's zone, as the dashboard shows them. */
export interface TodayTotals {
  count: number;
  /** Sum of seller prices (priceWithDisc) in rubles (returns: the absolute sum is shown). */
  amount: number;
  /** The local date (YYYY-MM-DD) of the figures when it is not the day of delivery. */
  day?: string | null;
}

interface SaleEventBase {
  product: ProductInfo;
  /** Every price WB has given so far: only the seller's price while just the order feed knows the event. */
  prices: Prices;
  /** Null when WB has not said where the unit ships from. */
  route: Route | null;
  /** The instant it happened: order date, sale date, or cancel date. */
  occurredAt: Date;
  context?: TodayTotals | null;
}

export interface NewOrderEvent extends SaleEventBase {
  type: 'new_order';
}

export interface BuyoutEvent extends SaleEventBase {
  type: 'buyout';
}

export interface CancellationEvent extends SaleEventBase {
  type: 'cancellation';
}

export interface ReturnEvent extends SaleEventBase {
  type: 'return';
}

export type SaleEvent = NewOrderEvent | BuyoutEvent | CancellationEvent | ReturnEvent;

export interface NegativeReviewEvent {
  type: 'negative_review';
  /** WB's id of the review: what «Ответить» answers. */
  reviewId: string;
  product: ProductInfo;
  /** productValuation: 1 to 3 for a negative review. */
  rating: number;
  text: string;
  pros: string;
  cons: string;
  userName: string | null;
  /** WB createdDate. */
  occurredAt: Date;
  context?: { count: number } | null;
}

export interface NewQuestionEvent {
  type: 'new_question';
  /** WB's id of the question: what «Ответить» answers. */
  questionId: string;
  product: ProductInfo;
  /** What the buyer asked. */
  text: string;
  /** WB createdDate. */
  occurredAt: Date;
  context?: { count: number } | null;
}

export interface WarehouseRemainder {
  warehouseName: string;
  regionName: string | null;
  /** Available for sale in this warehouse (in transit excluded). */
  quantity: number;
}

export interface CriticalStockEvent {
  type: 'critical_stock';
  /** The product size (nmId + size) that crossed the threshold. */
  product: ProductInfo;
  threshold: number;
  /** Available for sale, summed over all warehouses. */
  remaining: number;
  /** Per warehouse; rows with 0 are allowed and not shown. */
  warehouses: WarehouseRemainder[];
  /** When the crossing was detected. */
  occurredAt: Date;
  /** How many product sizes of the cabinet are at or below their threshold now. */
  context?: { criticalSizes: number } | null;
}

/** Why the seller hears about their key: an expiry ahead, or WB no longer accepting it. */
export type KeyHealthKind = 'expiring' | 'refused';

export interface KeyHealthEvent {
  type: 'key_health';
  /** A key concerns the whole cabinet, not a product. */
  product: null;
  kind: KeyHealthKind;
  cabinetName: string;
  /** The JWT `exp` of the key. */
  expiresAt: Date;
  /** Whole days left until expiresAt when the warning was raised (30, 7 or 1 and below). */
  daysLeft: number;
  /** For a refusal: what WB said, in Russian. */
  reason: string | null;
  /** What the key cannot do, in Russian: each missing category and the notifications it disables. */
  warnings: string[];
  occurredAt: Date;
}

export interface StockForecastEvent {
  type: 'stock_forecast';
  /** The product size whose stock is running out. */
  product: ProductInfo;
  /** Available for sale, summed over all warehouses. */
  available: number;
  /** Orders of this size over the averaging window, and that window's length in days. */
  orders: number;
  windowDays: number;
  /** available ÷ (orders / windowDays). */
  daysOfCover: number;
  /** The user's threshold the cover fell below. */
  thresholdDays: number;
  occurredAt: Date;
}

/** One figure of a product's day that ran far above its usual level. */
export interface AnomalyFigure {
  kind: 'cancellations' | 'returns';
  /** Units of the day. */
  count: number;
  /** The daily average over the window before the day. */
  average: number;
}

export interface AnomalyEvent {
  type: 'anomaly';
  product: ProductInfo;
  /** The local date (YYYY-MM-DD, Moscow) the figures are of. */
  day: string;
  windowDays: number;
  figures: AnomalyFigure[];
  occurredAt: Date;
}

/** One of yesterday's figures against the same weekday a week earlier. */
export interface SummaryFigure {
  kind: 'orders' | 'buyouts' | 'cancellations' | 'returns';
  count: number;
  amount: number;
  weekAgoCount: number;
  weekAgoAmount: number;
}

export interface SummaryProduct {
  nmId: number;
  name: string | null;
  vendorCode: string;
  /** Orders of the day, and their amount. */
  count: number;
  amount: number;
}

export interface SummarySize {
  nmId: number;
  name: string | null;
  vendorCode: string;
  size: string | null;
  available: number;
  /** Days the stock lasts at the last 14 days' rate; null at critical stock. */
  daysOfCover: number | null;
}

export interface MorningSummaryEvent {
  type: 'morning_summary';
  /** A summary is of the whole cabinet, not of a product. */
  product: null;
  cabinetName: string;
  /** The local date (YYYY-MM-DD, the user's zone) the figures are of, and the same weekday a week before. */
  day: string;
  weekAgo: string;
  figures: SummaryFigure[];
  /** Buyouts ÷ (buyouts + returns) of the day in percent, as the dashboard counts it; null with neither. */
  buyoutRate: number | null;
  topProducts: SummaryProduct[];
  critical: SummarySize[];
  criticalTotal: number;
  runningOut: SummarySize[];
  runningOutTotal: number;
  unansweredNegative: number;
  /** The dashboard on that day («Подробнее»). */
  detailsUrl: string;
  occurredAt: Date;
}

export type NotificationEvent =
  | MorningSummaryEvent
  | SaleEvent
  | NegativeReviewEvent
  | NewQuestionEvent
  | CriticalStockEvent
  | KeyHealthEvent
  | StockForecastEvent
  | AnomalyEvent;
