import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_TYPES } from '@wb-assist/domain';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';
import { orderRow, saleRow } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

let api: TestApi;
let token: string;
let cabinetId: string;

// 250 orders, one every 10 minutes, several sharing a timestamp so the (orderDate, id) tie
// break matters; every 7th is cancelled.
const BASE = Date.parse('2026-03-10T00:00:00Z');
const ORDER_COUNT = 250;
const orderTime = (i: number) => new Date(BASE - Math.floor(i / 2) * 600_000);

beforeAll(async () => {
  api = await startTestApi();
  const signedIn = await signedInUser(api.prisma);
  token = signedIn.token;
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id)).id;
  await api.prisma.wbOrder.createMany({
    data: Array.from({ length: ORDER_COUNT }, (_, i) =>
      orderRow(cabinetId, i, orderTime(i), { isCancel: i % 7 === 0 }),
    ),
  });
  await api.prisma.wbSale.createMany({
    data: [
      saleRow(cabinetId, 1, new Date('2026-03-09T20:30:00Z'), 'buyout'), // 23:30 MSK on the 9th
      saleRow(cabinetId, 2, new Date('2026-03-09T21:30:00Z'), 'buyout'), // 00:30 MSK on the 10th
      saleRow(cabinetId, 3, new Date('2026-03-09T22:00:00Z'), 'return'),
    ],
  });
});
afterAll(async () => api?.close());

interface Page {
  totalCount?: number;
  edges: { cursor: string; node: { id: string; orderDate: string; isCancel: boolean } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string; startCursor: string };
}

async function ordersPage(args: string, withCount = false): Promise<Page> {
  const result = await gql<{ cabinet: { orders: Page } }>(
    api.url,
    `query($id: ID!) { cabinet(id: $id) { orders(${args}) {
      ${withCount ? 'totalCount' : ''}
      edges { cursor node { id orderDate isCancel } }
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } } }`,
    { variables: { id: cabinetId }, token },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.cabinet.orders;
}

describe('orders connection', () => {
  it('walks every order exactly once, newest first, in pages of 50', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    for (;;) {
      const page = await ordersPage(`first: 50${after ? `, after: "${after}"` : ''}`);
      for (const edge of page.edges) {
        const time = Date.parse(edge.node.orderDate);
        expect(time).toBeLessThanOrEqual(previous);
        previous = time;
        seen.push(edge.node.id);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(ORDER_COUNT);
    expect(new Set(seen).size).toBe(ORDER_COUNT);
  });

  it('pages backwards with last/before and oldest-first with direction ASC', async () => {
    const first = await ordersPage('first: 10');
    const second = await ordersPage(`first: 10, after: "${first.pageInfo.endCursor}"`);
    const back = await ordersPage(`last: 10, before: "${second.pageInfo.startCursor}"`);
    expect(back.edges.map((e) => e.node.id)).toEqual(first.edges.map((e) => e.node.id));
    const ascending = await ordersPage('first: 3, direction: ASC');
    expect(ascending.edges[0]!.node.orderDate).toBe(orderTime(ORDER_COUNT - 1).toISOString());
  });

  it('filters, and counts only when totalCount is asked', async () => {
    const cancelled = await ordersPage('first: 100, filter: { cancelled: true }', true);
    expect(cancelled.totalCount).toBe(Math.ceil(ORDER_COUNT / 7));
    expect(cancelled.edges.every((e) => e.node.isCancel)).toBe(true);
    const window = await ordersPage(
      `first: 100, filter: { from: "${orderTime(9).toISOString()}", to: "${orderTime(0).toISOString()}" }`,
      true,
    );
    // orderTime(0..1) are excluded by `to`, 2..9 included (4 timestamps × 2 orders).
    expect(window.totalCount).toBe(8);
  });

  it('caps a page at 100 rows', async () => {
    expect((await ordersPage('first: 150')).edges).toHaveLength(100);
  });
});

describe('dailyStats', () => {
  it('groups by day in the requested time zone, computed in SQL, with empty days as zeros', async () => {
    const result = await gql<{
      cabinet: { dailyStats: { date: string; buyouts: number; returns: number; revenue: string; orders: number }[] };
    }>(
      api.url,
      `query($id: ID!) { cabinet(id: $id) { dailyStats(from: "2026-03-09", to: "2026-03-11", timeZone: "Europe/Moscow") {
        date orders cancellations buyouts returns revenue orderedAmount } } }`,
      { variables: { id: cabinetId }, token },
    );
    expect(result.errors).toBeUndefined();
    const days = result.data!.cabinet.dailyStats;
    expect(days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
    expect(days[0]).toMatchObject({ buyouts: 1, returns: 0, revenue: '900.00' });
    expect(days[1]).toMatchObject({ buyouts: 1, returns: 1, revenue: '0.00' });
    expect(days[2]).toMatchObject({ orders: 0, buyouts: 0, revenue: '0' });
    // Orders before 2026-03-10T00:00Z are 2026-03-10 03:00 MSK and earlier.
    expect(days[1]!.orders + days[0]!.orders).toBe(ORDER_COUNT);
  });

  it('counts each day only up to a time of day when asked, for «today so far» against the same hours', async () => {
    const result = await gql<{
      cabinet: { dailyStats: { date: string; orders: number; buyouts: number; returns: number }[] };
    }>(
      api.url,
      `query($id: ID!) { cabinet(id: $id) { dailyStats(from: "2026-03-09", to: "2026-03-10", timeZone: "Europe/Moscow",
        untilTimeOfDay: "01:00") { date orders buyouts returns } } }`,
      { variables: { id: cabinetId }, token },
    );
    expect(result.errors).toBeUndefined();
    // On the 10th, orders every 10 minutes from 00:00 MSK, two at a time: 00:00–00:50 is 12 of
    // them; the buyout at 00:30 counts, the return at 01:00 does not; the 9th's 23:30 buyout neither.
    expect(result.data!.cabinet.dailyStats).toEqual([
      { date: '2026-03-09', orders: 0, buyouts: 0, returns: 0 },
      { date: '2026-03-10', orders: 12, buyouts: 1, returns: 0 },
    ]);
  });

  it('refuses an unknown time zone, a malformed time of day and over-long ranges as client errors', async () => {
    for (const args of [
      'from: "2026-01-01", to: "2026-01-02", timeZone: "Mars/Base"',
      'from: "2026-01-01", to: "2026-01-02", untilTimeOfDay: "25:00"',
      'from: "2024-01-01", to: "2026-01-02"',
    ]) {
      const result = await gql(api.url, `query($id: ID!) { cabinet(id: $id) { dailyStats(${args}) { date } } }`, {
        variables: { id: cabinetId },
        token,
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('quiet hours', () => {
  it('reads and sets the viewer’s quiet hours, refusing bad times with a Russian error and changing nothing', async () => {
    const patch = (fields: string) =>
      gql(
        api.url,
        `mutation { updateQuietHours(patch: { ${fields} }) {
          ... on QuietHours { mode start end criticalStockBreaksThrough timeZone }
          ... on OperationError { code message } } }`,
        { token },
      );
    expect((await patch('mode: digest, start: "22:30", end: "7:00", criticalStockBreaksThrough: true')).data).toEqual({
      updateQuietHours: {
        mode: 'digest',
        start: '22:30',
        end: '07:00',
        criticalStockBreaksThrough: true,
        timeZone: 'Europe/Moscow',
      },
    });
    expect((await patch('mode: silent, start: "25:00"')).data).toEqual({
      updateQuietHours: {
        code: 'invalid_setting',
        message: 'Начало тихих часов — время в виде ЧЧ:ММ, например 23:00.',
      },
    });
    expect((await patch('end: "22:30"')).data).toEqual({
      updateQuietHours: { code: 'invalid_setting', message: 'Начало и конец тихих часов должны различаться.' },
    });
    const read = await gql(api.url, '{ viewer { quietHours { mode start end criticalStockBreaksThrough } } }', {
      token,
    });
    expect(read.data).toEqual({
      viewer: { quietHours: { mode: 'digest', start: '22:30', end: '07:00', criticalStockBreaksThrough: true } },
    });
  });

  it('refuses a caller who is not signed in', async () => {
    const result = await gql(api.url, 'mutation { updateQuietHours(patch: { mode: silent }) { __typename } }');
    expect(result.data).toEqual({ updateQuietHours: { __typename: 'ForbiddenError' } });
  });
});

describe('notification settings', () => {
  it('reads and patches the viewer’s switches for a cabinet', async () => {
    const update = await gql(
      api.url,
      `mutation($id: ID!) { updateNotificationSettings(cabinetId: $id, patch: { negativeReview: false }) {
        ... on NotificationSettings { enabled newOrder negativeReview } } }`,
      { variables: { id: cabinetId }, token },
    );
    expect(update.data).toEqual({
      updateNotificationSettings: { enabled: true, newOrder: true, negativeReview: false },
    });
    const read = await gql(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { notificationSettings { negativeReview criticalStock } } }',
      {
        variables: { id: cabinetId },
        token,
      },
    );
    expect(read.data).toEqual({ cabinet: { notificationSettings: { negativeReview: false, criticalStock: true } } });
  });

  it('sets the stock-out forecast threshold, and refuses one out of range with a typed error, changing nothing', async () => {
    const patch = (days: number) =>
      gql(
        api.url,
        `mutation($id: ID!, $days: Int!) {
          updateNotificationSettings(cabinetId: $id, patch: { stockForecastDays: $days, anomaly: false }) {
            ... on NotificationSettings { stockForecastDays anomaly }
            ... on OperationError { code message } } }`,
        { variables: { id: cabinetId, days }, token },
      );
    expect((await patch(10)).data).toEqual({ updateNotificationSettings: { stockForecastDays: 10, anomaly: false } });
    expect((await patch(0)).data).toEqual({
      updateNotificationSettings: {
        code: 'invalid_setting',
        message: 'Порог прогноза остатков — целое число дней от 1 до 60.',
      },
    });
    const read = await gql(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { notificationSettings { stockForecastDays stockForecast keyHealth } } }',
      { variables: { id: cabinetId }, token },
    );
    expect(read.data).toEqual({
      cabinet: { notificationSettings: { stockForecastDays: 10, stockForecast: true, keyHealth: true } },
    });
  });
});

describe('notification details', () => {
  // Every type's typed fields, and the raw payload without the upsert's internal flags.
  const DETAILS = `details { __typename
    ... on NewOrderDetails { srid orderDate finishedPrice supplierArticle isCancel }
    ... on CancellationDetails { srid cancelDate isCancel }
    ... on BuyoutDetails { saleId saleDate forPay }
    ... on ReturnDetails { saleId totalPrice }
    ... on NegativeReviewDetails { reviewId rating text createdDate }
    ... on CriticalStockDetails { nmId available threshold warehouses { warehouseName regionName quantity } } }`;

  it('shows each type’s facts as typed fields beside the stored payload', async () => {
    const userId = (await api.prisma.cabinetUser.findFirstOrThrow({ where: { cabinetId } })).userId;
    for (const type of NOTIFICATION_TYPES) {
      const eventKey = `details:${cabinetId}:${type}`;
      const occurredAt = new Date('2026-03-10T09:00:00Z');
      const event = await api.prisma.outboxEvent.create({
        data: { cabinetId, type, eventKey, occurredAt, payload: SAMPLE_PAYLOADS[type] },
      });
      await api.prisma.notificationHistory.create({
        data: { userId, cabinetId, outboxEventId: event.id, eventKey, type, occurredAt },
      });
    }
    const result = await gql<{
      cabinet: { notifications: { edges: { node: { type: string; payload: object; details: object } }[] } };
    }>(
      api.url,
      `query($id: ID!) { cabinet(id: $id) { notifications(first: 20) { edges { node { type payload ${DETAILS} } } } } }`,
      { variables: { id: cabinetId }, token },
    );
    expect(result.errors).toBeUndefined();
    const byType = new Map(result.data!.cabinet.notifications.edges.map(({ node }) => [node.type, node]));
    expect([...byType.keys()].sort()).toEqual([...NOTIFICATION_TYPES].sort());
    for (const node of byType.values()) {
      expect(node.payload).toMatchObject({ v: 1 });
      for (const internal of ['inserted', 'changed', 'nothing', 'before_is_cancel']) {
        expect(node.payload).not.toHaveProperty(internal);
      }
    }
    expect(byType.get('new_order')?.details).toEqual({
      __typename: 'NewOrderDetails',
      srid: 'srid-1',
      orderDate: '2026-11-27T11:05:00.000Z',
      finishedPrice: '1618.75',
      supplierArticle: 'FT-001',
      isCancel: false,
    });
    expect(byType.get('cancellation')?.details).toEqual({
      __typename: 'CancellationDetails',
      srid: 'srid-1',
      cancelDate: '2026-11-27T12:00:00.000Z',
      isCancel: true,
    });
    expect(byType.get('buyout')?.details).toEqual({
      __typename: 'BuyoutDetails',
      saleId: 'S1',
      saleDate: '2026-11-27T11:05:00.000Z',
      forPay: '1500.00',
    });
    expect(byType.get('return')?.details).toEqual({
      __typename: 'ReturnDetails',
      saleId: 'R1',
      totalPrice: '-2500.00',
    });
    expect(byType.get('negative_review')?.details).toEqual({
      __typename: 'NegativeReviewDetails',
      reviewId: 'review-1',
      rating: 2,
      text: 'Ткань тонкая',
      createdDate: '2026-11-27T11:05:00.000Z',
    });
    expect(byType.get('critical_stock')?.details).toEqual({
      __typename: 'CriticalStockDetails',
      nmId: 123456789,
      available: 2,
      threshold: 2,
      warehouses: [
        { warehouseName: 'Казань', regionName: null, quantity: 1 },
        { warehouseName: 'Коледино', regionName: 'Центральный', quantity: 1 },
      ],
    });
  });
});

describe('cabinet facts', () => {
  it('tells the token’s expiry, categories and which notifications work', async () => {
    const result = await gql(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { status myRole token { type categories notificationsAvailable notificationsUnavailable warnings } } }',
      { variables: { id: cabinetId }, token },
    );
    expect(result.data).toEqual({
      cabinet: {
        status: 'ready',
        myRole: 'owner',
        token: {
          type: 'personal',
          categories: ['content', 'analytics', 'statistics', 'feedbacks'],
          notificationsAvailable: [
            'new_order',
            'buyout',
            'cancellation',
            'return',
            'negative_review',
            'new_question',
            'critical_stock',
            'stock_forecast',
            'anomaly',
            'key_health',
            'morning_summary',
          ],
          notificationsUnavailable: [],
          warnings: [],
        },
      },
    });
  });
});

describe('requestSync', () => {
  it('makes a ready cabinet due now, then refuses a repeat with a typed, rate-limited answer', async () => {
    await api.prisma.cabinet.update({
      where: { id: cabinetId },
      data: { lastSyncAt: new Date(Date.now() - 10 * 60_000), nextSyncAt: new Date(Date.now() + 60 * 60_000) },
    });
    const query = `mutation($id: ID!) { requestSync(cabinetId: $id) { __typename
      ... on RequestSyncPayload { nextSyncAt }
      ... on SyncRequestRejected { code message retryAfterSeconds } } }`;
    const first = await gql<{ requestSync: { __typename: string; nextSyncAt: string } }>(api.url, query, {
      variables: { id: cabinetId },
      token,
    });
    expect(first.data?.requestSync.__typename).toBe('RequestSyncPayload');
    expect(Date.parse(first.data!.requestSync.nextSyncAt)).toBeLessThanOrEqual(Date.now());
    const again = await gql(api.url, query, { variables: { id: cabinetId }, token });
    expect(again.data).toMatchObject({ requestSync: { __typename: 'SyncRequestRejected', code: 'too_soon' } });
  });
});
