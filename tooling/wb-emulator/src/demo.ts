import type { Store } from './store.ts';

/**
 * The demo's opening rush: three orders a minute, whatever the hour, for its first minutes. On its
 * daily curve alone a shop of 240 orders a day gets one in 15 minutes at dawn, and whoever
 * starts the demo should see a new order arrive within a couple of minutes, day or night.
 */
const RUSH = { minutes: 10, ordersPerHour: 180 };

/** The demo shop: 30 days of history, an opening rush, then orders keep coming (and stock runs low). */
export function startDemo(store: Store, ordersPerDay = 240): { sid: string; token: string } {
  const now = store.clock.now();
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
      rush: { from: now, until: now + RUSH.minutes * 60_000, ordersPerHour: RUSH.ordersPerHour },
    },
  });
  const { token } = store.mintToken({ sid: seller.sid, type: 'personal' });
  return { sid: seller.sid, token };
}
