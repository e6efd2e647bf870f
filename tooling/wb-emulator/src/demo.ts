import type { Store } from './store.ts';

/** The demo shop: 30 days of history, then orders keep coming (and stock runs low). */
export function startDemo(store: Store, ordersPerDay = 240): { sid: string; token: string } {
  const seller = store.createSeller({
    name: 'ИП Демонстрационный магазин',
    tradeMark: 'Уют Дома',
    products: 12,
    initialStock: 25,
    historyDays: 30,
    traffic: {
      ordersPerDay,
      buyoutAfterHours: [2, 48],
      reviewRate: 0.35,
      restockRate: 0.05,
      questionsPerDay: Math.max(1, Math.round(ordersPerDay / 40)),
    },
  });
  const { token } = store.mintToken({ sid: seller.sid, type: 'personal' });
  return { sid: seller.sid, token };
}
