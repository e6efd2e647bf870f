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

/** A figure WB has given: null (not sent yet) and 0 (not computed yet) are left out, not shown as 0. */
function given(value: number | null | undefined): number | null {
  return value === null || value === undefined || value === 0 ? null : value;
}

/** The price a sale counts at, as the dashboard shows and sums it: the seller's; null while unknown. */
export function countedPrice(prices: Prices): number | null {
  return given(prices.sellerPrice);
}

/**
 * Every price named, one per line: «Цена продавца» (the dashboard's figure, after the seller's
 * discount) and «Покупатель заплатил» (after WB's СПП as well). Before WB computes the seller's
 * price the list price stands in, named as such.
 */
export function priceLines(prices: Prices): string[] {
  const seller = given(prices.sellerPrice);
  const list = given(prices.totalPrice);
  const discount = given(prices.sellerDiscountPercent);
  const paid = given(prices.finalPrice);
  const spp = given(prices.sppPercent);
  const lines: string[] = [];
  if (seller !== null) {
    const from = list === null ? '' : ` от ${formatMoney(list)}`;
    lines.push(
      `Цена продавца: <b>${formatMoney(seller)}</b>${discount === null ? '' : ` (скидка ${formatPercent(discount)}${from})`}`,
    );
  } else if (list !== null) {
    const off = discount === null ? '' : ` (скидка продавца ${formatPercent(discount)})`;
    lines.push(`Цена до скидок: <b>${formatMoney(list)}</b>${off}`);
  }
  if (paid !== null)
    lines.push(`Покупатель заплатил: ${formatMoney(paid)}${spp === null ? '' : ` (СПП ${formatPercent(spp)})`}`);
  else if (spp !== null) lines.push(`СПП: ${formatPercent(spp)}`);
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
