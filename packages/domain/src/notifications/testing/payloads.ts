import type { NotificationPayload, NotificationType } from '../registry/index.ts';

// One stored payload per type, as detection writes them: for tests that need an outbox row.

const statistics = {
  v: 1 as const,
  nmId: 123456789,
  srid: 'srid-1',
  supplierArticle: 'FT-001',
  brand: 'Nike',
  subject: 'Футболки',
  category: 'Одежда',
  techSize: 'L',
  barcode: '2000000000017',
  warehouseName: 'Коледино',
  warehouseType: 'Склад WB',
  regionName: 'Московская область',
  oblastOkrugName: 'Центральный федеральный округ',
  countryName: 'Россия',
  totalPrice: '2500.00',
  discountPercent: 30,
  spp: '7.50',
  finishedPrice: '1618.75',
  priceWithDisc: '1750.00',
};

const order: NotificationPayload<'new_order'> = {
  ...statistics,
  gNumber: 'g-1',
  orderDate: '2026-11-27T11:05:00.000Z',
  isCancel: false,
  cancelDate: null,
};

const sale: NotificationPayload<'buyout'> = {
  ...statistics,
  saleId: 'S1',
  saleDate: '2026-11-27T11:05:00.000Z',
  forPay: '1500.00',
  paymentSaleAmount: '0.00',
};

export const SAMPLE_PAYLOADS: { [T in NotificationType]: NotificationPayload<T> } = {
  new_order: order,
  cancellation: { ...order, isCancel: true, cancelDate: '2026-11-27T12:00:00.000Z' },
  buyout: sale,
  return: { ...sale, saleId: 'R1', totalPrice: '-2500.00', finishedPrice: '-1618.75', priceWithDisc: '-1750.00' },
  negative_review: {
    v: 1,
    reviewId: 'review-1',
    nmId: 123456789,
    productName: 'Футболка мужская хлопковая',
    supplierArticle: 'FT-001',
    brandName: 'Nike',
    size: 'L',
    rating: 2,
    text: 'Ткань тонкая',
    pros: '',
    cons: 'Качество',
    userName: 'Анна',
    createdDate: '2026-11-27T11:05:00.000Z',
  },
  new_question: {
    v: 1,
    questionId: 'question-1',
    nmId: 123456789,
    productName: 'Футболка мужская хлопковая',
    supplierArticle: 'FT-001',
    brandName: 'Nike',
    text: 'Какой рост у модели на фото?',
    createdDate: '2026-11-27T11:05:00.000Z',
  },
  critical_stock: {
    v: 1,
    nmId: 123456789,
    sizeKey: 'size:L',
    techSize: 'L',
    available: 2,
    threshold: 2,
    warehouses: [
      { warehouseName: 'Казань', regionName: null, quantity: 1 },
      { warehouseName: 'Коледино', regionName: 'Центральный', quantity: 1 },
    ],
  },
  stock_forecast: {
    v: 1,
    nmId: 123456789,
    sizeKey: 'size:L',
    techSize: 'L',
    available: 10,
    orders: 28,
    windowDays: 14,
    daysOfCover: 5,
    thresholdDays: 7,
  },
  anomaly: {
    v: 1,
    nmId: 123456789,
    day: '2026-11-27',
    windowDays: 14,
    figures: [{ kind: 'cancellations', count: 12, average: 2 }],
  },
  key_health: {
    v: 1,
    kind: 'expiring',
    cabinetName: 'ИП Демонстрационный магазин',
    expiresAt: '2026-12-04T11:05:00.000Z',
    daysLeft: 7,
    reason: null,
    warnings: [],
  },
};
