import {
  BRANDS,
  BUYER_REGIONS,
  PRODUCT_TEMPLATES,
  SELLER_NAMES,
  SELLER_WAREHOUSE_NAMES,
  WB_WAREHOUSES,
} from '../catalog.ts';
import { Random } from '../random.ts';
import type { Product, Size } from './model.ts';
import { Seller } from './seller.ts';

export type SellerOptions = {
  name?: string;
  tradeMark?: string;
  /** Number of products (cards); each has 1–6 sizes. */
  products?: number;
  /** Units of stock per size per warehouse at the start. */
  initialStock?: number;
  sid?: string;
};

/** Builds a seller with a catalogue and stock; no orders yet (the generator adds those). */
export function createSeller(no: number, seed: number, now: number, options: SellerOptions = {}): Seller {
  const random = new Random(seed * 1_000_003 + no);
  const seller = new Seller({
    no,
    sid: options.sid ?? random.uuid(),
    name: options.name ?? random.pick(SELLER_NAMES),
    tradeMark: options.tradeMark ?? random.pick(BRANDS),
    tin: String(random.int(1_000_000_000, 9_999_999_999)),
    seed: seed * 7_919 + no,
  });
  const wb = [...WB_WAREHOUSES].sort(() => random.next() - 0.5).slice(0, random.int(3, 6));
  seller.warehouses.push(...wb);
  const sellerWarehouseName = random.pick(SELLER_WAREHOUSE_NAMES);
  seller.warehouses.push({ id: 1_000_000 + no, name: sellerWarehouseName, region: 'Центральный', kind: 'seller' });
  seller.regions.push(...BUYER_REGIONS.map((r) => ({ ...r })));

  const productCount = options.products ?? random.int(5, 15);
  for (let i = 0; i < productCount; i++) {
    const product = makeProduct(random, no, i, now, seller.tradeMark);
    seller.products.push(product);
    for (const size of product.sizes) {
      seller.sizes.set(size.chrtId, size);
      for (const warehouse of seller.warehouses) {
        seller.stock(size.chrtId, warehouse.id).quantity = options.initialStock ?? random.int(5, 60);
      }
    }
  }
  return seller;
}

function makeProduct(random: Random, sellerNo: number, index: number, now: number, brand: string): Product {
  const template = random.pick(PRODUCT_TEMPLATES);
  const nmId = 100_000_000 + sellerNo * 1_000 + index;
  const createdAt = now - random.int(30, 400) * 86_400_000 - random.int(0, 86_399_999);
  const product: Product = {
    nmId,
    imtId: 200_000_000 + sellerNo * 1_000 + index,
    nmUuid: random.uuid(),
    vendorCode: `${template.subject.slice(0, 3).toUpperCase()}-${sellerNo}-${index + 1}`,
    brand,
    title: template.title,
    category: template.category,
    subject: template.subject,
    subjectId: template.subjectId,
    basket: basketOf(nmId),
    photoCount: random.int(1, 6),
    createdAt,
    updatedAt: createdAt + random.int(0, 20) * 86_400_000 + random.int(0, 86_399_999),
    sizes: [],
    price: Math.round(random.int(template.price[0], template.price[1]) / 10) * 10,
    discountPercent: random.pick([0, 10, 15, 20, 25, 30, 40, 50]),
  };
  template.sizes.forEach((techSize, j) => {
    const size: Size = {
      chrtId: 300_000_000 + sellerNo * 10_000 + index * 10 + j,
      techSize,
      barcode: `20${String(sellerNo).padStart(5, '0')}${String(index * 10 + j).padStart(6, '0')}`,
      product,
      incomeId: random.int(10_000_000, 99_999_999),
    };
    product.sizes.push(size);
  });
  return product;
}

/** WB shards product media by volume; the exact mapping is undocumented, this one only looks right. */
function basketOf(nmId: number): number {
  const vol = Math.floor(nmId / 100_000);
  return Math.min(30, Math.floor(vol / 144) + 1);
}
