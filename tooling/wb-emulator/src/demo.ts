import type { Store } from './store.ts';

/**
 * The demo's opening rush: three orders a minute, whatever the hour, for its first minutes. On its
 * daily curve alone a shop of 240 orders a day gets one in 15 minutes at dawn, and whoever
 * starts the demo should see a new order arrive within a couple of minutes, day or night.
 */
const RUSH = { minutes: 10, ordersPerHour: 180 };

export const DEMO_SELLER_NAME = 'ИП Демонстрационный магазин';

/**
 * The demo shop: 30 days of history, an opening rush, then orders keep coming (and stock runs
 * low). On a store restored from its state file (a restarted `npm start`) the shop is already
 * there: it goes on living from its seed, and its key stays the one issued first.
 */
export function startDemo(store: Store, ordersPerDay = 240): { sid: string; token: string } {
  const known = [...store.sellers.values()].find((seller) => seller.name === DEMO_SELLER_NAME);
  if (known) return { sid: known.sid, token: demoToken(store, known.sid) };
  const now = store.clock.now();
  const seller = store.createSeller({
    name: DEMO_SELLER_NAME,
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

/** The shop's first key while it is valid (signed anew: the same claims), else a new one. */
function demoToken(store: Store, sid: string): string {
  const nowSec = store.clock.now() / 1000;
  const kept = [...store.tokens.values()].find(
    ({ claims, revoked }) => claims.sid === sid && !revoked && !claims.t && claims.exp > nowSec + 86_400,
  );
  return kept ? store.authority.mint(kept.claims) : store.mintToken({ sid, type: 'personal' }).token;
}
