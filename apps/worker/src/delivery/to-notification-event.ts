import type { NotificationEvent, ProductInfo } from '@wb-assist/domain';
import type { DeliverableEvent } from '@wb-assist/delivery';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function product(event: DeliverableEvent, size: unknown): ProductInfo {
  const row = event.payload;
  return {
    nmId: num(row.nm_id ?? row.nmId),
    vendorCode: event.product?.vendorCode || text(row.supplier_article) || '',
    name: event.product?.title ?? text(row.product_name) ?? text(row.subject),
    brand: event.product?.brand ?? text(row.brand) ?? text(row.brand_name),
    size: text(size),
    photoUrl: event.product?.imageUrl ?? null,
  };
}

/**
 * From an outbox event (the stored row, as the sync wrote it) and the product card to what a
 * template shows. Money arrives as NUMERIC text and becomes rubles.
 */
export function toNotificationEvent(event: DeliverableEvent): NotificationEvent {
  const row = event.payload;
  if (event.type === 'negative_review') {
    return {
      type: 'negative_review',
      product: product(event, row.size),
      rating: num(row.rating),
      text: text(row.text) ?? '',
      pros: text(row.pros) ?? '',
      cons: text(row.cons) ?? '',
      userName: text(row.user_name),
      occurredAt: event.occurredAt,
      context: event.context ? { count: event.context.count } : null,
    };
  }
  if (event.type === 'critical_stock') {
    const warehouses = Array.isArray(row.warehouses)
      ? (row.warehouses as { name: string; region: string | null; quantity: number }[])
      : [];
    return {
      type: 'critical_stock',
      product: product(event, row.techSize),
      threshold: num(row.threshold),
      remaining: num(row.available),
      warehouses: warehouses.map((w) => ({ warehouseName: w.name, regionName: w.region, quantity: w.quantity })),
      occurredAt: event.occurredAt,
      context: event.context ? { criticalSizes: event.context.criticalSizes } : null,
    };
  }
  return {
    type: event.type,
    product: product(event, row.tech_size),
    prices: {
      totalPrice: num(row.total_price),
      sellerDiscountPercent: num(row.discount_percent),
      sppPercent: num(row.spp),
      finalPrice: num(row.finished_price),
    },
    route: {
      warehouseName: text(row.warehouse_name) ?? '',
      regionName: text(row.region_name) ?? text(row.oblast_okrug_name) ?? text(row.country_name),
    },
    occurredAt: event.occurredAt,
    context: event.context ? { count: event.context.count, amount: event.context.amount } : null,
  };
}
