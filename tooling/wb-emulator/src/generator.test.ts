import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from './testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

async function shopRows(seed: number) {
  h = await harness({ seed });
  const seller = await h.emulator.control.createSeller({
    historyDays: 20,
    traffic: { ordersPerDay: 100 },
    products: 8,
  });
  const { token } = await h.emulator.control.createToken({ sid: seller.sid });
  const get = async (path: string) => (await (await h.get(path, token)).json()) as Record<string, unknown>[];
  const orders = await get('/api/v1/supplier/orders?dateFrom=2026-10-01');
  const sales = await get('/api/v1/supplier/sales?dateFrom=2026-10-01');
  const reviews = (await (await h.get('/api/v1/feedbacks?isAnswered=false&take=5000&skip=0', token)).json()) as {
    data: { feedbacks: { productValuation: number }[] };
  };
  await h.emulator.close();
  return { orders, sales, reviews: reviews.data.feedbacks };
}

describe('traffic generator', () => {
  it('is deterministic under a seed', async () => {
    const a = await shopRows(7);
    const b = await shopRows(7);
    expect(b.orders).toEqual(a.orders);
    expect(b.sales).toEqual(a.sales);
    const c = await shopRows(8);
    expect(c.orders).not.toEqual(a.orders);
  });

  it('lives: cancellations, buyouts, returns, late money and a realistic review mix', async () => {
    const { orders, sales, reviews } = await shopRows(3);
    expect(orders.length).toBeGreaterThan(1000);
    const cancelled = orders.filter((o) => o.isCancel === true).length / orders.length;
    expect(cancelled).toBeGreaterThan(0.08);
    expect(cancelled).toBeLessThan(0.25);
    const returns = sales.filter((s) => String(s.saleID).startsWith('R'));
    expect(sales.filter((s) => String(s.saleID).startsWith('S')).length).toBeGreaterThan(returns.length * 5);
    expect(returns.length).toBeGreaterThan(0);
    expect(returns.every((r) => (r.forPay as number) <= 0)).toBe(true);
    const fives = reviews.filter((r) => r.productValuation === 5).length / reviews.length;
    expect(fives).toBeGreaterThan(0.5);
    expect(reviews.some((r) => r.productValuation <= 2)).toBe(true);
    // Orders come in a daily curve: nights (01–06 Moscow) are quieter than evenings (18–23).
    const hour = (o: Record<string, unknown>) => Number(String(o.date).slice(11, 13));
    const night = orders.filter((o) => hour(o) >= 1 && hour(o) < 6).length;
    const evening = orders.filter((o) => hour(o) >= 18 && hour(o) < 23).length;
    expect(evening).toBeGreaterThan(night * 3);
  });

  it('drifts stock down as orders come', async () => {
    h = await harness();
    const seller = await h.emulator.control.createSeller({
      products: 1,
      initialStock: 5,
      traffic: { ordersPerDay: 500 },
    });
    const { token } = await h.emulator.control.createToken({ sid: seller.sid });
    const total = async () => {
      const body = (await (await h.post('/api/analytics/v1/stocks-report/wb-warehouses', {}, token)).json()) as {
        data: { items: { quantity: number }[] };
      };
      return body.data.items.reduce((sum, i) => sum + i.quantity, 0);
    };
    const before = await total();
    await h.emulator.control.advanceClock({ hours: 12 });
    expect(await total()).toBeLessThan(before);
    expect(T0).toBeLessThan(Date.now());
  });

  it('keeps a rush: orders every minute or so at night while it lasts, then the quiet curve again', async () => {
    // 03:00 Moscow: on its curve a shop of 48 orders a day gets about one an hour.
    const night = Date.UTC(2026, 10, 27, 0, 0, 0);
    h = await harness({ startAt: night });
    const rush = { from: night, until: night + 10 * 60_000, ordersPerHour: 180 };
    const rushing = await h.emulator.control.createSeller({ historyDays: 2, traffic: { ordersPerDay: 48, rush } });
    const quiet = await h.emulator.control.createSeller({ historyDays: 2, traffic: { ordersPerDay: 48 } });
    await h.emulator.control.advanceClock({ minutes: 20 });
    const placed = async (sid: string) => {
      const { token } = await h.emulator.control.createToken({ sid });
      const orders = (await (await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27T03:00:00', token)).json()) as {
        date: string;
      }[];
      const minute = (o: { date: string }) => (Date.parse(`${o.date}+03:00`) - night) / 60_000;
      const fresh = orders.filter((o) => minute(o) >= 0);
      return { inRush: fresh.filter((o) => minute(o) < 10).length, after: fresh.filter((o) => minute(o) >= 10).length };
    };
    const withRush = await placed(rushing.sid);
    expect(withRush.inRush).toBeGreaterThanOrEqual(15);
    expect(withRush.after).toBeLessThanOrEqual(3);
    expect((await placed(quiet.sid)).inRush).toBeLessThanOrEqual(3);
  });
});
