import type { Seller } from '../seller/seller.ts';

/** What tests need to drive a seller: its ids, catalogue and warehouses. */
export function sellerSummary(seller: Seller) {
  return {
    sid: seller.sid,
    name: seller.name,
    tradeMark: seller.tradeMark,
    products: seller.products.map((p) => ({
      nmId: p.nmId,
      vendorCode: p.vendorCode,
      title: p.title,
      sizes: p.sizes.map((s) => ({ chrtId: s.chrtId, techSize: s.techSize, barcode: s.barcode })),
    })),
    warehouses: seller.warehouses.map((w) => ({ id: w.id, name: w.name, kind: w.kind, region: w.region })),
    counts: {
      orders: seller.orders.length,
      sales: seller.sales.length,
      feedbacks: seller.feedbacks.length,
      questions: seller.questions.length,
    },
  };
}

export type SellerSummary = ReturnType<typeof sellerSummary>;
