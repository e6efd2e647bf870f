import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createHarness, type Harness } from './testing/harness.ts';

// Forecast, anomaly and key-expiry detection over a real sync: the emulator's clock is frozen
// and moved by the test, and every sync runs at the emulator's now.

const DAY = 86_400_000;

let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl(), { frozenClock: true, rateLimits: false });
});
afterAll(() => h.close());

const emulatorNow = async () => (await h.emulator.control.now()).now;

async function syncNow(cabinetId: string, kind: 'initial' | 'periodic' = 'periodic') {
  const at = new Date(await emulatorNow());
  return h.sync(cabinetId, { kind, now: () => at });
}

async function outbox(cabinetId: string, type: string) {
  return h.query<{ event_key: string; payload: Record<string, unknown> }>(
    'SELECT event_key, payload FROM outbox_events WHERE cabinet_id = $1 AND type = $2::notification_type ORDER BY id',
    [cabinetId, type],
  );
}

describe('stock-out forecast', () => {
  it('fires once per run-down, not for a transfer, and again only after a restock', async () => {
    const seller = await h.emulator.control.createSeller({ products: 1, initialStock: 0 });
    const size = seller.products[0]!.sizes[0]!;
    const [main, other] = seller.warehouses.filter((w) => w.kind !== 'seller');
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: main!.id, quantity: 40 });
    const now = await emulatorNow();
    // One order a day over the last 14 days: each takes a unit, 26 stay.
    for (let day = 1; day <= 14; day += 1) {
      await h.emulator.control.addOrder(seller.sid, {
        chrtId: size.chrtId,
        warehouseId: main!.id,
        at: now - day * DAY + 3_600_000,
      });
    }
    const { cabinetId, user } = await h.connect({ sid: seller.sid });
    await syncNow(cabinetId, 'initial');
    await syncNow(cabinetId);
    const [cover] = await h.query<{ available: number; orders: number; days_of_cover: string }>(
      'SELECT available, orders, days_of_cover::text FROM stock_days_of_cover($1, $2) WHERE nm_id = $3 AND available > 0',
      [cabinetId, new Date(now), seller.products[0]!.nmId],
    );
    expect(cover).toEqual({ available: 26, orders: 14, days_of_cover: '26.00' });
    expect(await outbox(cabinetId, 'stock_forecast')).toEqual([]);

    // WB empties the warehouse into another: that warehouse is at zero, the size is not short.
    await h.emulator.control.transferStock(seller.sid, {
      chrtId: size.chrtId,
      fromWarehouseId: main!.id,
      toWarehouseId: other!.id,
      quantity: 26,
    });
    await syncNow(cabinetId);
    expect(await outbox(cabinetId, 'stock_forecast')).toEqual([]);

    // Runs down to 6 units at one a day: under the default 7 days.
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: other!.id, quantity: 0 });
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: main!.id, quantity: 6 });
    await syncNow(cabinetId);
    await syncNow(cabinetId);
    const [alert] = await outbox(cabinetId, 'stock_forecast');
    expect(alert?.payload).toMatchObject({
      nmId: seller.products[0]!.nmId,
      sizeKey: `chrt:${size.chrtId}`,
      techSize: size.techSize,
      available: 6,
      orders: 14,
      windowDays: 14,
      daysOfCover: 6,
      thresholdDays: 7,
    });
    // Only the member whose threshold it crossed hears of it.
    const recipients = await h.query<{ user_id: string }>(
      `SELECT user_id FROM notification_history WHERE cabinet_id = $1 AND type = 'stock_forecast'`,
      [cabinetId],
    );
    expect(recipients).toEqual([{ user_id: user.id }]);

    // WB moves units between its warehouses (the sum stays), a day later: no new alert, not re-armed.
    await h.emulator.control.transferStock(seller.sid, {
      chrtId: size.chrtId,
      fromWarehouseId: main!.id,
      toWarehouseId: other!.id,
      quantity: 4,
    });
    await h.emulator.control.advanceClock({ hours: 24 });
    await syncNow(cabinetId);
    expect(await outbox(cabinetId, 'stock_forecast')).toHaveLength(1);

    // A restock re-arms; the next run-down alerts once more.
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: main!.id, quantity: 30 });
    await syncNow(cabinetId);
    expect(await outbox(cabinetId, 'stock_forecast')).toHaveLength(1);
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: main!.id, quantity: 1 });
    await syncNow(cabinetId);
    await syncNow(cabinetId);
    const alerts = await outbox(cabinetId, 'stock_forecast');
    expect(alerts).toHaveLength(2);
    expect(alerts[1]?.payload).toMatchObject({ available: 5, orders: 13 });
  });

  it('follows each member’s own threshold', async () => {
    const seller = await h.emulator.control.createSeller({ products: 1, initialStock: 0 });
    const size = seller.products[0]!.sizes[0]!;
    const [main] = seller.warehouses.filter((w) => w.kind !== 'seller');
    await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: main!.id, quantity: 24 });
    const now = await emulatorNow();
    for (let day = 1; day <= 14; day += 1) {
      await h.emulator.control.addOrder(seller.sid, {
        chrtId: size.chrtId,
        warehouseId: main!.id,
        at: now - day * DAY,
      });
    }
    const { cabinetId, user } = await h.connect({ sid: seller.sid });
    // 10 days of cover: under this user's 14, over the default 7.
    await h.query('UPDATE notification_settings SET stock_forecast_days = 14 WHERE user_id = $1', [user.id]);
    await syncNow(cabinetId, 'initial');
    await syncNow(cabinetId);
    const [alert] = await outbox(cabinetId, 'stock_forecast');
    expect(alert?.payload).toMatchObject({ available: 10, daysOfCover: 10, thresholdDays: 14 });
  });
});

describe('anomaly alerts', () => {
  it('fire once per product per day, with the numbers, at ≥ 3× the usual and ≥ 5 units', async () => {
    const seller = await h.emulator.control.createSeller({ products: 2, initialStock: 50 });
    const [spiking, calm] = seller.products;
    const now = await emulatorNow();
    const order = (nmIndex: number, at: number) =>
      h.emulator.control.addOrder(seller.sid, { chrtId: seller.products[nmIndex]!.sizes[0]!.chrtId, at });
    // The usual level: two cancellations in the last 14 days.
    for (const daysAgo of [3, 9]) {
      const placed = await order(0, now - daysAgo * DAY);
      await h.emulator.control.cancelOrder(seller.sid, placed.srid, { at: now - daysAgo * DAY + 60_000 });
    }
    const { cabinetId } = await h.connect({ sid: seller.sid });
    await syncNow(cabinetId, 'initial');

    const cancelToday = async (nmIndex: number, count: number) => {
      for (let i = 0; i < count; i += 1) {
        const placed = await order(nmIndex, (await emulatorNow()) - 3_600_000);
        await h.emulator.control.cancelOrder(seller.sid, placed.srid);
      }
    };
    await cancelToday(0, 6);
    // Four cancellations are above nothing but below the 5-unit floor.
    await cancelToday(1, 4);
    await syncNow(cabinetId);
    await cancelToday(0, 2);
    await syncNow(cabinetId);
    const found = await outbox(cabinetId, 'anomaly');
    expect(found).toHaveLength(1);
    expect(found[0]?.payload).toMatchObject({
      nmId: spiking!.nmId,
      windowDays: 14,
      figures: [{ kind: 'cancellations', count: 6, average: 0.14 }],
    });
    expect(found.map((event) => event.payload.nmId)).not.toContain(calm!.nmId);

    // The next day is a new day: one more alert for it.
    await h.emulator.control.advanceClock({ hours: 24 });
    await cancelToday(0, 7);
    await syncNow(cabinetId);
    await syncNow(cabinetId);
    const days = (await outbox(cabinetId, 'anomaly')).map((event) => event.payload.day);
    expect(days).toHaveLength(2);
    expect(new Set(days).size).toBe(2);
  });
});

describe('anomaly alerts on returns', () => {
  it('name the returns of the day against a usual level of none', async () => {
    const seller = await h.emulator.control.createSeller({ products: 1, initialStock: 50 });
    const chrtId = seller.products[0]!.sizes[0]!.chrtId;
    const { cabinetId } = await h.connect({ sid: seller.sid });
    await syncNow(cabinetId, 'initial');
    const now = await emulatorNow();
    for (let i = 0; i < 5; i += 1) {
      const placed = await h.emulator.control.addOrder(seller.sid, { chrtId, at: now - 5 * DAY });
      await h.emulator.control.buyOut(seller.sid, placed.srid, { at: now - 4 * DAY });
      await h.emulator.control.returnOrder(seller.sid, placed.srid);
    }
    await syncNow(cabinetId);
    const [found] = await outbox(cabinetId, 'anomaly');
    expect(found?.payload).toMatchObject({
      nmId: seller.products[0]!.nmId,
      figures: [{ kind: 'returns', count: 5, average: 0 }],
    });
  });
});

describe('key health', () => {
  it('warns 30, 7 and 1 days before the key expires, exactly once each, then when WB refuses it', async () => {
    const seller = await h.emulator.control.createSeller({ products: 1 });
    const now = await emulatorNow();
    const { cabinetId } = await h.connect({
      sid: seller.sid,
      categories: ['statistics', 'analytics', 'content'],
      exp: Math.floor((now + 31 * DAY) / 1000),
    });
    await syncNow(cabinetId, 'initial');
    await syncNow(cabinetId);
    expect(await outbox(cabinetId, 'key_health')).toEqual([]);

    const stages: number[] = [];
    for (const hours of [2 * 24, 24, 22 * 24, 24, 4 * 24 + 12, 6]) {
      await h.emulator.control.advanceClock({ hours });
      await syncNow(cabinetId);
      await syncNow(cabinetId);
      stages.push((await outbox(cabinetId, 'key_health')).length);
    }
    // 29 days left, 28, 6, 5, 12 hours, 6 hours: a warning at 30, at 7 and at 1, once each.
    expect(stages).toEqual([1, 1, 2, 2, 3, 3]);
    const warnings = await outbox(cabinetId, 'key_health');
    expect(warnings.map((event) => event.payload.daysLeft)).toEqual([29, 6, 1]);
    expect(warnings[0]?.payload).toMatchObject({
      kind: 'expiring',
      warnings: [expect.objectContaining({ text: expect.stringContaining('«Вопросы и отзывы»') })],
    });

    await h.emulator.control.advanceClock({ hours: 12 });
    const outcome = await syncNow(cabinetId);
    expect(outcome.status).toBe('key_invalid');
    const refused = (await outbox(cabinetId, 'key_health')).slice(3);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.payload).toMatchObject({ kind: 'refused', reason: expect.stringContaining('ключ') });
  });
});
