import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNotification, orderRow } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// What the dashboard's stocks and notifications pages read: one row per product size with its
// days of cover and the notification's critical rule, and each notification's live status and product.

let api: TestApi;
let owner: { token: string; userId: string };
let cabinetId: string;

beforeAll(async () => {
  api = await startTestApi();
  const signedIn = await signedInUser(api.prisma, { firstName: 'Ольга' });
  owner = { token: signedIn.token, userId: signedIn.user.id };
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id, 'ИП Ольга')).id;
  const stock = (nmId: number, size: string, warehouse: string, quantity: number) => ({
    cabinetId,
    nmId,
    sizeKey: `size:${size}`,
    techSize: size,
    vendorCode: `art-${nmId}`,
    warehouseKey: `name:${warehouse}`,
    warehouseName: warehouse,
    regionName: warehouse === 'Казань' ? 'Приволжский' : 'Центральный',
    quantity,
  });
  // 1001 M: 1 + 1 (critical at 2 over all warehouses); 1001 L: 1 + 5 (one warehouse low, the
  // size is not); 1003 M: 28 units, 14 orders in 14 days: 28 days of cover.
  await api.prisma.wbStock.createMany({
    data: [
      stock(1001, 'M', 'Коледино', 1),
      stock(1001, 'M', 'Казань', 1),
      stock(1001, 'L', 'Коледино', 1),
      stock(1001, 'L', 'Казань', 5),
      stock(1003, 'M', 'Коледино', 28),
    ],
  });
  const now = Date.now();
  await api.prisma.wbOrder.createMany({
    data: [
      // nmId 1000 + index % 5: indexes 3, 8, … are 1003; one a day.
      ...Array.from({ length: 14 }, (_, day) =>
        orderRow(cabinetId, 3 + day * 5, new Date(now - (day + 0.5) * 86_400_000)),
      ),
      // An order older than the window does not count.
      orderRow(cabinetId, 3 + 14 * 5, new Date(now - 20 * 86_400_000)),
    ],
  });
  await api.prisma.wbProduct.create({
    data: {
      cabinetId,
      nmId: 1001,
      vendorCode: 'art-1001',
      title: 'Платье летнее',
      imageUrl: 'https://x.invalid/1.jpg',
    },
  });
  await api.prisma.cabinet.update({ where: { id: cabinetId }, data: { criticalStockThreshold: 2 } });
});
afterAll(async () => api?.close());

async function cabinetQuery<T>(fields: string) {
  const result = await gql<{ cabinet: T }>(api.url, `query($id: ID!) { cabinet(id: $id) { ${fields} } }`, {
    variables: { id: cabinetId },
    token: owner.token,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.cabinet;
}

type Sizes = { stockSizes: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
const SIZE_FIELDS =
  'nmId techSize title vendorCode available daysOfCover critical warehouses { warehouseName quantity }';

describe('stockSizes', () => {
  it('sums each size over warehouses, critical first, with days of cover', async () => {
    const { stockSizes } = await cabinetQuery<Sizes>(
      `stockSizes(first: 10) { totalCount edges { node { ${SIZE_FIELDS} } } }`,
    );
    expect(stockSizes.totalCount).toBe(3);
    expect(stockSizes.edges.map((edge) => edge.node)).toEqual([
      {
        nmId: 1001,
        techSize: 'M',
        title: 'Платье летнее',
        vendorCode: 'art-1001',
        available: 2,
        daysOfCover: null,
        critical: true,
        warehouses: [
          { warehouseName: 'Казань', quantity: 1 },
          { warehouseName: 'Коледино', quantity: 1 },
        ],
      },
      {
        nmId: 1003,
        techSize: 'M',
        title: null,
        vendorCode: 'art-1003',
        available: 28,
        daysOfCover: 28,
        critical: false,
        warehouses: [{ warehouseName: 'Коледино', quantity: 28 }],
      },
      {
        nmId: 1001,
        techSize: 'L',
        title: 'Платье летнее',
        vendorCode: 'art-1001',
        available: 6,
        daysOfCover: null,
        critical: false,
        warehouses: [
          { warehouseName: 'Казань', quantity: 5 },
          { warehouseName: 'Коледино', quantity: 1 },
        ],
      },
    ]);
  });

  it('filters by the notification’s rule: a size low in one warehouse only is not critical', async () => {
    const { stockSizes } = await cabinetQuery<Sizes>(
      'stockSizes(first: 10, filter: { critical: true }) { totalCount edges { node { nmId techSize available } } }',
    );
    expect(stockSizes).toEqual({ totalCount: 1, edges: [{ node: { nmId: 1001, techSize: 'M', available: 2 } }] });
  });

  it('pages with cursors', async () => {
    const first = await cabinetQuery<{ stockSizes: { pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      'stockSizes(first: 2) { pageInfo { endCursor hasNextPage } }',
    );
    expect(first.stockSizes.pageInfo.hasNextPage).toBe(true);
    const next = await cabinetQuery<Sizes>(
      `stockSizes(first: 2, after: "${first.stockSizes.pageInfo.endCursor}") { totalCount edges { node { nmId techSize } } }`,
    );
    expect(next.stockSizes.edges).toEqual([{ node: { nmId: 1001, techSize: 'L' } }]);
  });
});

describe('notification status and product', () => {
  it('shows the delivery outcome with its reason or error, and the product by its card', async () => {
    const sent = await insertNotification(api.prisma, { cabinetId, userId: owner.userId });
    const failed = await insertNotification(api.prisma, { cabinetId, userId: owner.userId });
    await api.prisma.notificationHistory.update({
      where: { id: sent.id },
      data: { status: 'sent', sentAt: new Date() },
    });
    await api.prisma.notificationHistory.update({
      where: { id: failed.id },
      data: { status: 'failed', reason: 'bot_unreachable', lastError: 'connect ECONNREFUSED' },
    });
    const payload = (await api.prisma.outboxEvent.findUniqueOrThrow({ where: { id: sent.outboxEventId } })).payload as {
      nmId: number;
      priceWithDisc: string;
    };
    await api.prisma.wbProduct.create({
      data: { cabinetId, nmId: payload.nmId, vendorCode: 'FT-card', title: 'Футболка из карточки' },
    });
    const { notifications } = await cabinetQuery<{
      notifications: { edges: { node: Record<string, unknown> }[] };
    }>('notifications(first: 10) { edges { node { id status reason error product { nmId name vendorCode price } } } }');
    const product = {
      nmId: payload.nmId,
      name: 'Футболка из карточки',
      vendorCode: 'FT-card',
      price: payload.priceWithDisc,
    };
    expect(notifications.edges.map((edge) => edge.node)).toEqual([
      { id: failed.id.toString(), status: 'failed', reason: 'bot_unreachable', error: 'connect ECONNREFUSED', product },
      { id: sent.id.toString(), status: 'sent', reason: null, error: null, product },
    ]);
  });
});
