import type {
  AnomalyEvent,
  CriticalStockEvent,
  KeyHealthEvent,
  MorningSummaryEvent,
  NegativeReviewEvent,
  NewOrderEvent,
  NewQuestionEvent,
  ProductInfo,
  SaleEvent,
  StockForecastEvent,
} from '../events.ts';

// Events as the worker would build them from the demo seller's rows; tests vary one field.

/** 27.11.2026 14:05 Moscow time. */
export const AT = new Date('2026-11-27T11:05:00Z');

export const PRODUCT: ProductInfo = {
  nmId: 123456789,
  vendorCode: 'FT-001',
  name: 'Футболка мужская хлопковая',
  brand: 'Nike',
  size: 'L',
  photoUrl: 'https://basket-12.wbbasket.ru/vol1234/part123456/123456789/images/big/1.webp',
};

/** A new order as statistics report it: every price known. */
export const NEW_ORDER: NewOrderEvent = {
  type: 'new_order',
  product: PRODUCT,
  prices: { totalPrice: 2500, sellerDiscountPercent: 30, sellerPrice: 1750, sppPercent: 7.5, finalPrice: 1618.75 },
  route: { warehouseName: 'Коледино', regionName: 'Московская область' },
  occurredAt: AT,
  context: { count: 12, amount: 34560 },
};

export function saleOf(type: SaleEvent['type'], changes: Partial<SaleEvent> = {}): SaleEvent {
  return { ...NEW_ORDER, ...changes, type } as SaleEvent;
}

export const NEGATIVE_REVIEW: NegativeReviewEvent = {
  type: 'negative_review',
  reviewId: 'n5um6IUBQOOSTxXoo0gV',
  product: PRODUCT,
  rating: 2,
  text: 'Ткань тонкая, после первой стирки села на размер.',
  pros: 'Цвет как на фото',
  cons: 'Качество',
  userName: 'Анна',
  occurredAt: AT,
  context: { count: 2 },
};

export const NEW_QUESTION: NewQuestionEvent = {
  type: 'new_question',
  questionId: '2ncBtX4B9I0UHoornoqG',
  product: { ...PRODUCT, size: null },
  text: 'Какой рост у модели на фото? Подойдёт ли L на 182 см?',
  occurredAt: AT,
  context: { count: 3 },
};

export const CRITICAL_STOCK: CriticalStockEvent = {
  type: 'critical_stock',
  product: PRODUCT,
  threshold: 2,
  remaining: 2,
  warehouses: [
    { warehouseName: 'Казань', regionName: 'Приволжский', quantity: 1 },
    { warehouseName: 'Коледино', regionName: 'Центральный', quantity: 1 },
    { warehouseName: 'Тула', regionName: 'Центральный', quantity: 0 },
  ],
  occurredAt: AT,
  context: { criticalSizes: 7 },
};

/** No-break spaces shown as "_" so the expected strings say where they are. */
export function visible(text: string): string {
  return text.replaceAll('\u00a0', '_');
}

export const STOCK_FORECAST: StockForecastEvent = {
  type: 'stock_forecast',
  product: PRODUCT,
  available: 10,
  orders: 28,
  windowDays: 14,
  daysOfCover: 5,
  thresholdDays: 7,
  occurredAt: AT,
};

export const ANOMALY: AnomalyEvent = {
  type: 'anomaly',
  product: { ...PRODUCT, size: null },
  day: '2026-11-27',
  windowDays: 14,
  figures: [
    { kind: 'cancellations', count: 12, average: 2 },
    { kind: 'returns', count: 5, average: 0 },
  ],
  occurredAt: AT,
};

export const KEY_EXPIRING: KeyHealthEvent = {
  type: 'key_health',
  product: null,
  kind: 'expiring',
  cabinetName: 'ИП Демонстрационный магазин',
  expiresAt: new Date('2026-12-04T11:05:00Z'),
  daysLeft: 7,
  reason: null,
  warnings: [
    'У ключа нет категории «Вопросы и отзывы»: уведомлений о негативных отзывах, вопросах покупателей не будет.',
  ],
  occurredAt: AT,
};

/** The summary of 26.11.2026, a Thursday, as the worker builds it the next morning. */
export const MORNING_SUMMARY: MorningSummaryEvent = {
  type: 'morning_summary',
  product: null,
  cabinetName: 'ИП Демонстрационный магазин',
  day: '2026-11-26',
  weekAgo: '2026-11-19',
  figures: [
    { kind: 'orders', count: 42, amount: 98_450, weekAgoCount: 35, weekAgoAmount: 80_100 },
    { kind: 'buyouts', count: 27, amount: 61_300, weekAgoCount: 30, weekAgoAmount: 66_000 },
    { kind: 'cancellations', count: 3, amount: 6_200, weekAgoCount: 3, weekAgoAmount: 5_900 },
    { kind: 'returns', count: 2, amount: 3_998, weekAgoCount: 0, weekAgoAmount: 0 },
  ],
  buyoutRate: 93.1,
  topProducts: [
    { nmId: 123456789, name: 'Футболка мужская хлопковая', vendorCode: 'FT-001', count: 12, amount: 21_000 },
    { nmId: 223456789, name: 'Худи оверсайз', vendorCode: 'HD-014', count: 7, amount: 24_430 },
    { nmId: 323456789, name: null, vendorCode: 'SK-3', count: 5, amount: 2_450 },
  ],
  critical: [
    {
      nmId: 123456789,
      name: 'Футболка мужская хлопковая',
      vendorCode: 'FT-001',
      size: 'L',
      available: 1,
      daysOfCover: null,
    },
  ],
  criticalTotal: 1,
  runningOut: [
    { nmId: 223456789, name: 'Худи оверсайз', vendorCode: 'HD-014', size: 'M', available: 9, daysOfCover: 3.2 },
    {
      nmId: 123456789,
      name: 'Футболка мужская хлопковая',
      vendorCode: 'FT-001',
      size: 'XL',
      available: 2,
      daysOfCover: 0.6,
    },
  ],
  runningOutTotal: 2,
  unansweredNegative: 2,
  detailsUrl: 'https://wb-assist.example/?cabinet=3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f&day=2026-11-26',
  occurredAt: new Date('2026-11-27T06:00:00Z'),
};
