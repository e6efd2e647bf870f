import type {
  AnomalyEvent,
  CriticalStockEvent,
  KeyHealthEvent,
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
