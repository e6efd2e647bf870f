import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { listen, type ChannelPayloads } from '@wb-assist/db/channels';
import { createHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl());
});
afterAll(() => h.close());

async function events(cabinetId: string) {
  return h.query<{ type: string; event_key: string; payload: Record<string, unknown> }>(
    'SELECT type, event_key, payload FROM outbox_events WHERE cabinet_id = $1 ORDER BY id',
    [cabinetId],
  );
}

const typesOf = async (cabinetId: string) => (await events(cabinetId)).map((event) => event.type);

describe('event detection in the sync', () => {
  it('raises nothing from the initial sync, then exactly one event per new order, cancellation, buyout and return', async () => {
    const { seller, cabinetId } = await h.connect({ seller: { historyDays: 5, traffic: { ordersPerDay: 40 } } });
    await h.sync(cabinetId, { kind: 'initial' });
    expect(await events(cabinetId)).toEqual([]);

    const order = await h.emulator.control.addOrder(seller.sid);
    await h.sync(cabinetId);
    // The lookback re-reads the same rows: still one event.
    await h.sync(cabinetId);
    const [created] = await events(cabinetId);
    expect(created).toMatchObject({ type: 'new_order', event_key: `${cabinetId}:new_order:${order.srid}` });
    expect(created?.payload).toMatchObject({
      v: 2,
      source: 'statistics',
      srid: order.srid,
      nmId: order.nmId,
      orderDate: expect.any(String),
    });
    // The upsert's own flags are no part of the event.
    expect(created?.payload).not.toHaveProperty('inserted');
    expect(created?.payload).not.toHaveProperty('changed');
    expect(created?.payload).not.toHaveProperty('nothing');

    await h.emulator.control.cancelOrder(seller.sid, order.srid);
    await h.sync(cabinetId);
    const second = await h.emulator.control.addOrder(seller.sid);
    const buyout = await h.emulator.control.buyOut(seller.sid, second.srid, { fillMoneyAfterMinutes: 30 });
    await h.sync(cabinetId);
    await h.emulator.control.advanceClock({ minutes: 31 });
    await h.sync(cabinetId);
    const refund = await h.emulator.control.returnOrder(seller.sid, second.srid);
    await h.sync(cabinetId);

    // The shop keeps living while the clock moves: look at the events of our two orders only.
    const ours = (await events(cabinetId)).filter((event) =>
      [order.srid, second.srid].includes(String(event.payload.srid)),
    );
    expect(ours.map((event) => event.type)).toEqual(['new_order', 'cancellation', 'new_order', 'buyout', 'return']);
    const keys = (await events(cabinetId)).map((event) => event.event_key);
    // A buyout and a return are named by their order's srid, which the order feed knows too.
    expect(keys).toContain(`${cabinetId}:buyout:${second.srid}`);
    expect(keys).toContain(`${cabinetId}:return:${second.srid}`);
    const saleIds = ours.filter((event) => event.type === 'buyout' || event.type === 'return');
    expect(saleIds.map((event) => event.payload.saleId)).toEqual([buyout.saleID, refund.saleID]);
    const [log] = await h.query<{ events_created: number }>(
      'SELECT events_created FROM wb_sync_logs WHERE cabinet_id = $1 ORDER BY id DESC LIMIT 1',
      [cabinetId],
    );
    expect(log?.events_created).toBeGreaterThanOrEqual(1);
  });

  it('fires for an order first seen late, already cancelled: the order and its cancellation', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    const order = await h.emulator.control.addOrder(seller.sid);
    await h.emulator.control.cancelOrder(seller.sid, order.srid);
    await h.sync(cabinetId);
    expect(await typesOf(cabinetId)).toEqual(['new_order', 'cancellation']);
  });

  it('raises a negative review for 1–3 stars only', async () => {
    const { seller, cabinetId } = await h.connect();
    await h.sync(cabinetId, { kind: 'initial' });
    const bad = await h.emulator.control.addReview(seller.sid, { valuation: 2, text: 'Пришло разбитое' });
    await h.emulator.control.addReview(seller.sid, { valuation: 5, text: 'Отлично' });
    await h.sync(cabinetId);
    const found = await events(cabinetId);
    expect(found.map((event) => event.event_key)).toEqual([`${cabinetId}:negative_review:${bad.id}`]);
    expect(found[0]?.payload).toMatchObject({ v: 1, reviewId: bad.id, rating: 2, text: 'Пришло разбитое' });
  });

  it('raises nothing for questions of the initial sync, then one new_question per new question', async () => {
    const { seller, cabinetId } = await h.connect();
    const nmId = seller.products[0]!.nmId;
    const old = await h.emulator.control.addQuestion(seller.sid, { nmId, text: 'Есть ли размер XL?' });
    await h.sync(cabinetId, { kind: 'initial' });
    expect(await events(cabinetId)).toEqual([]);
    const [stored] = await h.query<{ question_id: string; text: string }>(
      'SELECT question_id, text FROM wb_questions WHERE cabinet_id = $1',
      [cabinetId],
    );
    expect(stored).toEqual({ question_id: old.id, text: 'Есть ли размер XL?' });

    const asked = await h.emulator.control.addQuestion(seller.sid, { nmId, text: 'Какой рост у модели?' });
    await h.sync(cabinetId);
    // The lookback re-reads the same window: still one event.
    await h.sync(cabinetId);
    const found = await events(cabinetId);
    expect(found.map((event) => event.event_key)).toEqual([`${cabinetId}:new_question:${asked.id}`]);
    expect(found[0]).toMatchObject({ type: 'new_question' });
    expect(found[0]?.payload).toEqual({
      v: 1,
      questionId: asked.id,
      nmId,
      productName: seller.products[0]!.title,
      supplierArticle: seller.products[0]!.vendorCode,
      brandName: seller.tradeMark,
      text: 'Какой рост у модели?',
      createdDate: expect.any(String),
    });

    // Answered on WB between two syncs: the same question, no second event; the answer is stored.
    const answer = await fetch(`${h.emulator.url}/api/v1/questions`, {
      method: 'PATCH',
      headers: { Authorization: (await h.emulator.control.createToken({ sid: seller.sid })).token },
      body: JSON.stringify({ id: asked.id, answer: { text: 'Рост модели 182 см' }, state: 'wbRu' }),
    });
    expect(answer.status).toBe(200);
    await h.sync(cabinetId);
    expect(await typesOf(cabinetId)).toEqual(['new_question']);
    const [answered] = await h.query<{ is_answered: boolean; answer_text: string }>(
      'SELECT is_answered, answer_text FROM wb_questions WHERE cabinet_id = $1 AND question_id = $2',
      [cabinetId, asked.id],
    );
    expect(answered).toEqual({ is_answered: true, answer_text: 'Рост модели 182 см' });
  });

  it('alerts once per crossing of the stock threshold, re-arms after recovery, ignores transfers', async () => {
    const { seller, cabinetId } = await h.connect();
    const size = seller.products[0]!.sizes[0]!;
    const [w1, w2, ...others] = seller.warehouses.filter((warehouse) => warehouse.kind === 'wb');
    const set = async (quantities: [number, number]) => {
      await h.emulator.control.setStock(seller.sid, {
        chrtId: size.chrtId,
        warehouseId: w1!.id,
        quantity: quantities[0],
      });
      await h.emulator.control.setStock(seller.sid, {
        chrtId: size.chrtId,
        warehouseId: w2!.id,
        quantity: quantities[1],
      });
      for (const other of others)
        await h.emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: other.id, quantity: 0 });
    };
    await set([3, 3]);
    await h.sync(cabinetId, { kind: 'initial' });

    await set([0, 6]); // a move between warehouses: the sum stays 6
    await h.sync(cabinetId);
    expect(await typesOf(cabinetId)).toEqual([]);

    await set([0, 2]); // 6 → 2: crosses the threshold of 2
    await h.sync(cabinetId);
    await set([1, 0]); // still critical: no second alert
    await h.sync(cabinetId);
    expect(await typesOf(cabinetId)).toEqual(['critical_stock']);
    expect((await events(cabinetId))[0]?.payload).toMatchObject({
      nmId: seller.products[0]!.nmId,
      available: 2,
      threshold: 2,
      warehouses: [{ warehouseName: w2!.name, quantity: 2 }],
    });

    await set([4, 0]); // recovered above the threshold: re-armed
    await h.sync(cabinetId);
    await set([1, 0]);
    await h.sync(cabinetId);
    expect(await typesOf(cabinetId)).toEqual(['critical_stock', 'critical_stock']);
  });

  it('fans each event out to every member and announces each notification over NOTIFY', async () => {
    const { seller, cabinetId } = await h.connect();
    const teammate = await h.prisma.user.create({ data: { telegramId: 990_000_001n } });
    await h.prisma.cabinetUser.create({ data: { cabinetId, userId: teammate.id } });
    await h.sync(cabinetId, { kind: 'initial' });

    const listener = new pg.Client({ connectionString: testDatabaseUrl() });
    await listener.connect();
    const heard: ChannelPayloads['notification'][] = [];
    const malformed: unknown[] = [];
    // The payload is built in SQL: listening through the channel's schema checks its shape.
    await listen(listener, ['notification'], {
      onMessage: (message) => heard.push(message.payload),
      logger: { warn: (entry) => malformed.push(entry) },
    });

    await h.emulator.control.addOrder(seller.sid);
    await h.sync(cabinetId);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await listener.end();

    const history = await h.query<{ user_id: string; status: string; type: string }>(
      'SELECT user_id, status, type FROM notification_history WHERE cabinet_id = $1 ORDER BY user_id',
      [cabinetId],
    );
    expect(history).toHaveLength(2);
    expect(history.every((row) => row.status === 'pending' && row.type === 'new_order')).toBe(true);
    expect(malformed).toEqual([]);
    expect(heard.map((event) => event.userId).sort()).toEqual(history.map((row) => row.user_id).sort());
    expect(heard.every((event) => event.cabinetId === cabinetId && event.type === 'new_order')).toBe(true);
  });
});
