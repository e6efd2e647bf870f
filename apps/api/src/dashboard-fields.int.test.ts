import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNotification, orderRow } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// What the dashboard's overview, cabinets and monitoring pages ask for beyond the plain
// connections: best sellers, critical stocks by the notification's rule, teammates, health.

let api: TestApi;
let bot: http.Server;
let botUp = true;
let owner: { token: string; userId: string };
let cabinetId: string;

const DAY = Date.parse('2026-05-20T09:00:00Z'); // noon in Moscow

beforeAll(async () => {
  // A stand-in for the bot's /readyz: the monitoring page asks it over HTTP.
  bot = http.createServer((_req, res) => res.writeHead(botUp ? 200 : 503).end('{}'));
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  const botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/readyz`;
  api = await startTestApi({ botHealthUrl: botUrl });
  const signedIn = await signedInUser(api.prisma, { firstName: 'Ольга' });
  owner = { token: signedIn.token, userId: signedIn.user.id };
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id, 'ИП Ольга')).id;
  const teammate = await signedInUser(api.prisma, { firstName: 'Пётр' });
  await api.prisma.cabinetUser.create({ data: { cabinetId, userId: teammate.user.id, role: 'member' } });

  // nmId 1000 + i % 5: on the day, 1002 gets 4 orders, 1000/1001 get 2, 1003/1004 get 1; one
  // order of 1002 is cancelled (counted as an order, not in the amount). Another day's orders
  // must not count.
  const nm = [1002, 1002, 1002, 1002, 1000, 1000, 1001, 1001, 1003, 1004];
  await api.prisma.wbOrder.createMany({
    data: [
      ...nm.map((nmId, i) => ({
        ...orderRow(cabinetId, i, new Date(DAY + i * 60_000), { isCancel: i === 3 }),
        nmId,
        supplierArticle: `art-${nmId}`,
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        ...orderRow(cabinetId, 100 + i, new Date(DAY - 3 * 86_400_000)),
        nmId: 1004,
      })),
    ],
  });
  await api.prisma.wbProduct.create({
    data: {
      cabinetId,
      nmId: 1002,
      vendorCode: 'art-1002',
      title: 'Платье летнее',
      imageUrl: 'https://x.invalid/1.jpg',
    },
  });
  // Size M of 1001: 1 + 1 units in two warehouses (critical at threshold 2); size L of 1001:
  // 1 + 5 (not critical: another warehouse holds plenty); 1003 M: 0 units.
  const stock = (nmId: number, size: string, warehouse: string, quantity: number) => ({
    cabinetId,
    nmId,
    sizeKey: `size:${size}`,
    techSize: size,
    warehouseKey: `name:${warehouse}`,
    warehouseName: warehouse,
    quantity,
  });
  await api.prisma.wbStock.createMany({
    data: [
      stock(1001, 'M', 'Коледино', 1),
      stock(1001, 'M', 'Казань', 1),
      stock(1001, 'L', 'Коледино', 1),
      stock(1001, 'L', 'Казань', 5),
      stock(1003, 'M', 'Коледино', 0),
    ],
  });
  await api.prisma.cabinet.update({
    where: { id: cabinetId },
    data: { criticalStockThreshold: 2, nextSyncAt: new Date(Date.now() + 60_000) },
  });
  await api.prisma.wbSyncLog.createMany({
    data: [
      { cabinetId, kind: 'periodic', status: 'success', completedAt: new Date(), durationMs: 1234 },
      { cabinetId, kind: 'periodic', status: 'partial', startedAt: new Date(Date.now() - 3_600_000), durationMs: 50 },
    ],
  });
  await insertNotification(api.prisma, { cabinetId, userId: owner.userId });
});
afterAll(async () => {
  await api?.close();
  bot?.close();
});

async function cabinetQuery<T>(fields: string) {
  const result = await gql<{ cabinet: T }>(api.url, `query($id: ID!) { cabinet(id: $id) { ${fields} } }`, {
    variables: { id: cabinetId },
    token: owner.token,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.cabinet;
}

describe('topProducts', () => {
  it('ranks the day’s products by orders, with the card’s title and photo when synced', async () => {
    const { topProducts } = await cabinetQuery<{ topProducts: Record<string, unknown>[] }>(
      'topProducts(from: "2026-05-20", to: "2026-05-20", first: 3) { nmId title vendorCode imageUrl orders orderedAmount }',
    );
    expect(topProducts).toEqual([
      {
        nmId: 1002,
        title: 'Платье летнее',
        vendorCode: 'art-1002',
        imageUrl: 'https://x.invalid/1.jpg',
        orders: 4,
        orderedAmount: '2700.00',
      },
      { nmId: 1000, title: null, vendorCode: 'art-1000', imageUrl: null, orders: 2, orderedAmount: '1800.00' },
      { nmId: 1001, title: null, vendorCode: 'art-1001', imageUrl: null, orders: 2, orderedAmount: '1800.00' },
    ]);
  });

  it('refuses a page size over 50 with a clear error', async () => {
    const result = await gql(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { topProducts(from: "2026-05-20", to: "2026-05-20", first: 500) { nmId } } }',
      { variables: { id: cabinetId }, token: owner.token },
    );
    expect(result.errors?.[0]?.message).toMatch(/between 1 and 50/);
  });
});

describe('criticalStocks', () => {
  it('lists sizes at or below the threshold over all warehouses, scarcest first', async () => {
    const { criticalStocks } = await cabinetQuery<{ criticalStocks: Record<string, unknown>[] }>(
      'criticalStocks { nmId techSize available warehouses }',
    );
    expect(criticalStocks).toEqual([
      { nmId: 1003, techSize: 'M', available: 0, warehouses: 1 },
      { nmId: 1001, techSize: 'M', available: 2, warehouses: 2 },
    ]);
  });
});

describe('members', () => {
  it('shows the owner first, then teammates, and marks the viewer', async () => {
    const { members } = await cabinetQuery<{ members: Record<string, unknown>[] }>(
      'members { firstName role isViewer receivesMessages }',
    );
    expect(members).toEqual([
      { firstName: 'Ольга', role: 'owner', isViewer: true, receivesMessages: true },
      { firstName: 'Пётр', role: 'member', isViewer: false, receivesMessages: true },
    ]);
  });
});

describe('monitoring', () => {
  const query = `{ monitoring { components { name status detail }
    cabinets { cabinet { id } syncsLastDay failedSyncsLastDay lastSyncDurationMs pendingNotifications } } }`;
  type Answer = {
    monitoring: {
      components: { name: string; status: string; detail: string }[];
      cabinets: Record<string, unknown>[];
    };
  };

  it('says every part is up, and counts the cabinet’s syncs and the viewer’s pending messages', async () => {
    const result = await gql<Answer>(api.url, query, { token: owner.token });
    expect(result.errors).toBeUndefined();
    const status = Object.fromEntries(result.data!.monitoring.components.map((c) => [c.name, c.status]));
    expect(status).toEqual({ api: 'ok', database: 'ok', worker: 'ok', bot: 'ok' });
    expect(result.data!.monitoring.cabinets).toEqual([
      {
        cabinet: { id: cabinetId },
        syncsLastDay: 2,
        failedSyncsLastDay: 1,
        lastSyncDurationMs: 1234,
        pendingNotifications: 1,
      },
    ]);
  });

  it('reports the bot down and syncs late when they are', async () => {
    botUp = false;
    await api.prisma.cabinet.update({
      where: { id: cabinetId },
      data: { nextSyncAt: new Date(Date.now() - 15 * 60_000) },
    });
    const result = await gql<Answer>(api.url, query, { token: owner.token });
    const byName = Object.fromEntries(result.data!.monitoring.components.map((c) => [c.name, c]));
    expect(byName.bot).toMatchObject({ status: 'down', detail: expect.stringMatching(/Бот недоступен/) });
    expect(byName.worker).toMatchObject({ status: 'down', detail: expect.stringMatching(/опаздывает на 15 мин/) });
    botUp = true;
  });
});
