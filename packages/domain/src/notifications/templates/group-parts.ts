import type { ProductInfo } from '../events.ts';
import { hasSize, productName, safe } from '../parts.ts';

// A grouped message has one line per event, with every WB string cut short so that no single
// line can come near the message limit however long the names are.
export const NAME_CAP = 40;
export const FIELD_CAP = 30;
export const REVIEW_CAP = 100;
export const WAREHOUSES_PER_ITEM = 3;

/** "<b>Футболка</b> · FT-001 · L": the product in a group line. */
export function productShort(product: ProductInfo): string {
  const size = hasSize(product.size) ? ` · ${safe(product.size, FIELD_CAP)}` : '';
  return `<b>${safe(productName(product), NAME_CAP)}</b> · ${safe(product.vendorCode, FIELD_CAP)}${size}`;
}
