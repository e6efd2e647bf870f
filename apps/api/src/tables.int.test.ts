import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderRow, saleRow } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// The dashboard tables' server side: sort columns, search by article / nmId / product name,
// page numbers (offset), the product card on each row, and the export of every filtered row.

let api: TestApi;
let owner: { token: string };
let stranger: { token: string };
let cabinetId: string;
let foreignCabinetId: string;
const ORDERS = 130;

beforeAll(async () => {
  api = await startTestApi();
  const signedIn = await signedInUser(api.prisma, { firstName: 'Ольга' });
  owner = { token: signedIn.token };
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id, 'ИП Ольга')).id;
  const other = await signedInUser(api.prisma, { firstName: 'Чужой' });
  stranger = { token: other.token };
  foreignCabinetId = (await cabinetOf(api.prisma, other.user.id, 'ИП Чужой')).id;
  const now = Date.now();
  // Order i: nmId 1000 + i % 5, article art-(i % 5), price 100 + (i * 37) % 500, an hour apart.
  await api.prisma.wbOrder.createMany({
    data: Array.from({ length: ORDERS }, (_, i) => ({
      ...orderRow(cabinetId, i, new Date(now - i * 3_600_000)),
      priceWithDisc: String(100 + ((i * 37) % 500)),
    })),
  });
  await api.prisma.wbOrder.createMany({ data: [orderRow(foreignCabinetId, 1, new Date(now))] });
  await api.prisma.wbSale.createMany({
    data: [
      saleRow(cabinetId, 1, new Date(now - 3_600_000), 'buyout'),
      // WB has not settled this one yet: its money reads 0.
      { ...saleRow(cabinetId, 2, new Date(now), 'buyout'), nmId: 1002, forPay: '0', priceWithDisc: '0' },
      { ...saleRow(cabinetId, 3, new Date(now - 7_200_000), 'return'), nmId: 1003 },
    ],
  });
  await api.prisma.wbProduct.createMany({
    data: [
      { cabinetId, nmId: 1002, vendorCode: 'art-2', title: 'Платье летнее', imageUrl: 'https://x.invalid/2.jpg' },
      { cabinetId, nmId: 1003, vendorCode: 'art-3', title: 'Рубашка льняная' },
    ],
  });
  await api.prisma.wbReview.createMany({
    data: [1, 5, 3].map((rating, i) => ({
      cabinetId,
      reviewId: `r-${i}`,
      nmId: 1002 + (i % 2),
      productName: i % 2 ? 'Рубашка льняная' : 'Платье летнее',
      rating,
      createdDate: new Date(now - i * 60_000),
    })),
  });
  await api.prisma.wbStock.createMany({
    data: [
      { nmId: 1002, size: 'S', quantity: 7 },
      { nmId: 1002, size: 'M', quantity: 2 },
      { nmId: 1003, size: 'L', quantity: 40 },
    ].map((s) => ({
      cabinetId,
      nmId: s.nmId,
      sizeKey: `size:${s.size}`,
      techSize: s.size,
      warehouseKey: 'name:Коледино',
      warehouseName: 'Коледино',
      quantity: s.quantity,
    })),
  });
});
afterAll(async () => api?.close());

type Connection<T> = { totalCount: number; edges: { node: T }[] };

async function list<T>(field: string, args: string, fields: string, token = owner.token, id = cabinetId) {
  const result = await gql<{ cabinet: Record<string, Connection<T>> | null }>(
    api.url,
    `query($id: ID!) { cabinet(id: $id) { ${field}(${args}) { totalCount edges { node { ${fields} } } } } }`,
    { variables: { id }, token },
  );
  return result;
}

async function orders(args: string, fields = 'supplierArticle nmId priceWithDisc') {
  const result = await list<{ supplierArticle: string; nmId: number; priceWithDisc: string }>('orders', args, fields);
  expect(result.errors).toBeUndefined();
  return result.data!.cabinet!.orders!;
}

const prices = Array.from({ length: ORDERS }, (_, i) => 100 + ((i * 37) % 500));

describe('orders', () => {
  it('sorts by amount either way, and pages by number', async () => {
    const ascending = [...prices].sort((a, b) => a - b);
    const first = await orders('first: 10, offset: 0, sort: AMOUNT, direction: ASC');
    expect(first.totalCount).toBe(ORDERS);
    expect(first.edges.map((e) => Number(e.node.priceWithDisc))).toEqual(ascending.slice(0, 10));
    const third = await orders('first: 10, offset: 20, sort: AMOUNT, direction: ASC');
    expect(third.edges.map((e) => Number(e.node.priceWithDisc))).toEqual(ascending.slice(20, 30));
    const top = await orders('first: 3, offset: 0, sort: AMOUNT, direction: DESC');
    expect(top.edges.map((e) => Number(e.node.priceWithDisc))).toEqual(ascending.slice(-3).reverse());
  });

  it('sorts by article, and keeps date pages numbered too', async () => {
    const byArticle = await orders('first: 100, offset: 104, sort: ARTICLE, direction: ASC');
    expect(byArticle.edges).toHaveLength(26);
    expect(byArticle.edges.every((e) => e.node.supplierArticle === 'art-4')).toBe(true);
    const newest = await orders('first: 5, offset: 5', 'orderDate');
    const keyset = await orders('first: 10', 'orderDate');
    expect(newest.edges).toEqual(keyset.edges.slice(5));
  });

  it('searches by article, nmId and product name, any case, and counts what it found', async () => {
    const byArticle = await orders('first: 100, search: "ART-3"');
    expect(byArticle.totalCount).toBe(ORDERS / 5);
    expect(new Set(byArticle.edges.map((e) => e.node.nmId))).toEqual(new Set([1003]));
    const byNmId = await orders('first: 100, search: "1004"');
    expect(new Set(byNmId.edges.map((e) => e.node.nmId))).toEqual(new Set([1004]));
    const byName = await orders('first: 100, search: "платье"');
    expect(byName.totalCount).toBe(ORDERS / 5);
    expect(new Set(byName.edges.map((e) => e.node.nmId))).toEqual(new Set([1002]));
    expect((await orders('first: 1, search: "нет такого"')).totalCount).toBe(0);
  });

  it('names the product and its photo on each row', async () => {
    const rows = await orders('first: 5, search: "1002"', 'nmId product { title vendorCode imageUrl }');
    expect(rows.edges[0]!.node).toEqual({
      nmId: 1002,
      product: { title: 'Платье летнее', vendorCode: 'art-2', imageUrl: 'https://x.invalid/2.jpg' },
    });
  });

  it('refuses a page number with cursors, or out of range', async () => {
    for (const args of ['first: 5, offset: -1', 'first: 5, offset: 2, after: "x"']) {
      const result = await list('orders', args, 'id');
      expect(result.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
    }
  });

  it('shows nothing of a cabinet the caller is not a member of, whatever the arguments', async () => {
    const result = await list('orders', 'first: 5, offset: 0, sort: AMOUNT, search: "art"', 'id', stranger.token);
    expect(result.errors).toBeUndefined();
    expect(result.data?.cabinet).toBeNull();
    const own = await list('orders', 'first: 5, search: "art"', 'id', owner.token, foreignCabinetId);
    expect(own.data?.cabinet).toBeNull();
  });
});

describe('sales, reviews and stock sizes', () => {
  it('sorts sales by what WB pays and searches them by product name', async () => {
    const result = await list<{ forPay: string }>(
      'sales',
      'first: 5, offset: 0, sort: FOR_PAY, direction: DESC',
      'forPay',
    );
    expect(result.data!.cabinet!.sales!.edges.map((e) => Number(e.node.forPay))).toEqual([800, 0, -800]);
    const shirts = await list<{ nmId: number }>('sales', 'first: 5, search: "рубашка"', 'nmId product { title }');
    expect(shirts.data!.cabinet!.sales!.edges.map((e) => e.node)).toEqual([
      { nmId: 1003, product: { title: 'Рубашка льняная' } },
    ]);
  });

  it('sorts reviews by rating and searches them by product name', async () => {
    const result = await list<{ rating: number }>(
      'reviews',
      'first: 5, offset: 0, sort: RATING, direction: ASC',
      'rating',
    );
    expect(result.data!.cabinet!.reviews!.edges.map((e) => e.node.rating)).toEqual([1, 3, 5]);
    const dresses = await list<{ rating: number }>('reviews', 'first: 5, search: "ПЛАТЬЕ"', 'rating');
    expect(dresses.data!.cabinet!.reviews!.totalCount).toBe(2);
  });

  it('sorts stock sizes by what is available, searches and pages them', async () => {
    const result = await list<{ available: number }>(
      'stockSizes',
      'first: 2, offset: 1, sort: AVAILABLE, direction: DESC',
      'available',
    );
    expect(result.data!.cabinet!.stockSizes!.totalCount).toBe(3);
    expect(result.data!.cabinet!.stockSizes!.edges.map((e) => e.node.available)).toEqual([7, 2]);
    const dresses = await list<{ techSize: string }>('stockSizes', 'first: 5, search: "летнее"', 'techSize');
    expect(dresses.data!.cabinet!.stockSizes!.edges.map((e) => e.node.techSize).sort()).toEqual(['M', 'S']);
  });
});

describe('export', () => {
  const exportUrl = (file: string, variables: Record<string, unknown>) =>
    `${api.url.replace(/\/graphql$/, '')}/export/${file}?variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const asDashboard = (token: string) => ({
    headers: { cookie: `wba_session=${token}`, origin: api.config.webOrigin },
  });

  it('writes every filtered row of all pages as CSV for Russian Excel', async () => {
    const response = await fetch(
      exportUrl('orders.csv', { id: cabinetId, sort: 'AMOUNT', direction: 'ASC', search: '' }),
      asDashboard(owner.token),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(api.config.webOrigin);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="orders-.*\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Дата;Артикул продавца;Артикул WB;Товар;Размер;Склад;Регион;Цена продавца, ₽;Статус');
    // More than one page of 100: all of them, in the table's order.
    expect(lines).toHaveLength(ORDERS + 1);
    expect(lines.slice(1).map((line) => Number(line.split(';')[7]))).toEqual([...prices].sort((a, b) => a - b));
  });

  it('writes the searched rows as XLSX, money as numbers', async () => {
    const response = await fetch(
      exportUrl('orders.xlsx', { id: cabinetId, search: 'платье', filter: { cancelled: false } }),
      asDashboard(owner.token),
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Заказы')!;
    expect(sheet.rowCount).toBe(ORDERS / 5 + 1);
    expect(sheet.getRow(1).getCell(4).value).toBe('Товар');
    expect(sheet.getRow(2).getCell(4).value).toBe('Платье летнее');
    expect(typeof sheet.getRow(2).getCell(8).value).toBe('number');
  });

  it('says a sale is not settled yet rather than 0', async () => {
    const response = await fetch(exportUrl('sales.csv', { id: cabinetId, sort: 'DATE' }), asDashboard(owner.token));
    const rows = (await response.text()).trim().split('\r\n');
    expect(rows[1]!.split(';').slice(-2)).toEqual(['ещё не рассчитано', 'ещё не рассчитано']);
    expect(rows[2]!.split(';').slice(-2)).toEqual(['900', '800']);
  });

  it('refuses a cabinet the caller may not see, a cookie from elsewhere and no session', async () => {
    const variables = { id: cabinetId };
    expect((await fetch(exportUrl('orders.csv', variables), asDashboard(stranger.token))).status).toBe(403);
    const foreign = await fetch(exportUrl('orders.csv', variables), {
      headers: { cookie: `wba_session=${owner.token}`, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    // A link followed from another site carries the cookie but no Origin.
    const linked = await fetch(exportUrl('orders.csv', variables), {
      headers: { cookie: `wba_session=${owner.token}` },
    });
    expect(linked.status).toBe(403);
    expect((await fetch(exportUrl('orders.csv', variables))).status).toBe(401);
    expect((await fetch(exportUrl('secrets.csv', variables), asDashboard(owner.token))).status).toBe(404);
    // An integrator's token needs no Origin.
    const integrator = await fetch(exportUrl('reviews.csv', variables), {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(integrator.status).toBe(200);
  });
});
