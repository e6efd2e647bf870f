import { escapeHtml } from '../format/html.ts';
import { formatMoney, formatPercent } from '../format/money.ts';
import { truncate } from '../format/truncate.ts';
import type { Prices, ProductInfo, Route } from './events.ts';

// Line builders shared by the templates. Each takes raw WB strings and returns Telegram HTML.

/** Escaped and cut to the detail's cap; the only way WB text enters a message. */
export function safe(text: string, cap: number): string {
  return escapeHtml(truncate(text, cap));
}

/** WB sends "0" (or nothing) as the size of one-size products. */
export function hasSize(size: string | null): size is string {
  return size !== null && size.trim() !== '' && size !== '0';
}

export function productName(product: ProductInfo): string {
  return product.name ?? 'Без названия';
}

export function productLines(product: ProductInfo, cap: number): string[] {
  const brand = product.brand === null || product.brand === '' ? '' : ` · ${safe(product.brand, cap)}`;
  const lines = [
    `<b>${safe(productName(product), cap)}</b>${brand}`,
    `Артикул: ${safe(product.vendorCode, cap)} (WB ${product.nmId})`,
  ];
  if (hasSize(product.size)) lines.push(`Размер: ${safe(product.size, cap)}`);
  return lines;
}

/** The price the buyer paid, or the list price while WB still reports 0 for it. */
export function effectivePrice(prices: Prices): number {
  return prices.finalPrice === 0 ? prices.totalPrice : prices.finalPrice;
}

export function priceLines(prices: Prices): string[] {
  const paid = effectivePrice(prices);
  const before = paid === prices.totalPrice ? '' : ` <s>${formatMoney(prices.totalPrice)}</s>`;
  const lines = [`Цена: <b>${formatMoney(paid)}</b>${before}`];
  const discounts: string[] = [];
  if (prices.sellerDiscountPercent !== 0) discounts.push(`продавца ${formatPercent(prices.sellerDiscountPercent)}`);
  if (prices.sppPercent !== 0) discounts.push(`СПП ${formatPercent(prices.sppPercent)}`);
  if (discounts.length > 0) lines.push(`Скидки: ${discounts.join(', ')}`);
  return lines;
}

/** "Коледино → Московская область": from which warehouse to which region. */
export function routeText(route: Route, cap: number): string {
  const region = route.regionName === null || route.regionName === '' ? '' : ` → ${safe(route.regionName, cap)}`;
  return `${safe(route.warehouseName, cap)}${region}`;
}

/** Joins the body and, when allowed and given, the day's context after an empty line. */
export function assemble(body: string[], context: string | null): string {
  return context === null ? body.join('\n') : `${body.join('\n')}\n\n${context}`;
}
