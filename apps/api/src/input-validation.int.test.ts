import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCabinet } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// Inputs GraphQL accepts but PostgreSQL cannot hold must be the caller's error (BAD_USER_INPUT
// with our message), never an INTERNAL_SERVER_ERROR from a failed query.

let api: TestApi;
let token: string;
let cabinetId: string;

beforeAll(async () => {
  api = await startTestApi();
  const signedIn = await signedInUser(api.prisma);
  token = signedIn.token;
  cabinetId = (await cabinetOf(api.prisma, signedIn.user.id)).id;
  await seedCabinet(api.prisma, cabinetId, signedIn.user.id);
});
afterAll(async () => api?.close());

const ask = (query: string, variables: Record<string, unknown> = {}) =>
  gql(api.url, query, { variables: { id: cabinetId, ...variables }, token });

async function expectBadInput(query: string, variables: Record<string, unknown> = {}, message?: RegExp) {
  const result = await ask(query, variables);
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors ?? result.data)).toBe('BAD_USER_INPUT');
  const text = result.errors?.map((error) => error.message).join('\n') ?? '';
  expect(text).not.toMatch(/postgres|prisma|out of range|invalid byte|Unexpected error/i);
  if (message) expect(text).toMatch(message);
}

async function expectAnswer(query: string, variables: Record<string, unknown> = {}) {
  const result = await ask(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const ORDERS_FROM = `query($id: ID!, $from: DateTime) {
  cabinet(id: $id) { orders(first: 1, filter: { from: $from }) { edges { node { id } } } } }`;
const ordersFromLiteral = (from: string) =>
  `query($id: ID!) { cabinet(id: $id) { orders(first: 1, filter: { from: "${from}" }) { edges { node { id } } } } }`;

describe('DateTime', () => {
  it.each([
    ['a year before 1', '-000001-01-01T00:00:00.000Z'],
    ['year 1 at +05:00, which is year 0 in UTC', '0001-01-01T00:00:00+05:00'],
    ['a year after 9999', '+010000-01-01T00:00:00.000Z'],
  ])('refuses %s as a variable and as a literal', async (_case, from) => {
    await expectBadInput(ORDERS_FROM, { from }, /DateTime/);
    await expectBadInput(ordersFromLiteral(from), {}, /DateTime/);
  });

  it('refuses it in every filter, e.g. reviews', async () => {
    await expectBadInput(
      `query($id: ID!) { cabinet(id: $id) { reviews(first: 1, filter: { to: "-000001-01-01T00:00:00Z" }) { edges { node { id } } } } }`,
    );
  });

  it('accepts the first and the last instant of years 1..9999', async () => {
    await expectAnswer(ORDERS_FROM, { from: '0001-01-01T00:00:00.000Z' });
    await expectAnswer(ordersFromLiteral('9999-12-31T23:59:59.999Z'));
  });
});

const DAILY = `query($id: ID!, $from: Date!, $to: Date!) {
  cabinet(id: $id) { dailyStats(from: $from, to: $to) { date } } }`;

describe('Date', () => {
  it.each([
    ['year 0', '0000-01-01', '0000-01-02'],
    ['a day February does not have', '2026-02-28', '2026-02-30'],
    ['the 31st of April', '2026-04-30', '2026-04-31'],
  ])('refuses %s as a variable and as a literal', async (_case, from, to) => {
    await expectBadInput(DAILY, { from, to }, /Date/);
    await expectBadInput(
      `query($id: ID!) { cabinet(id: $id) { topProducts(from: "${from}", to: "${to}") { nmId } } }`,
      {},
      /Date/,
    );
  });

  it('accepts the first and the last day of years 1..9999', async () => {
    expect(await expectAnswer(DAILY, { from: '0001-01-01', to: '0001-01-01' })).toEqual({
      cabinet: { dailyStats: [{ date: '0001-01-01' }] },
    });
    await expectAnswer(DAILY, { from: '9999-12-31', to: '9999-12-31' });
  });
});

/** A cursor as the API encodes it ([tagged sort value, id] as base64url JSON), but made up. */
const cursor = (value: unknown, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

describe('cursors', () => {
  const orders = `query($id: ID!, $after: String) { cabinet(id: $id) { orders(first: 1, after: $after) { edges { node { id } } } } }`;
  const products = `query($id: ID!, $after: String) { cabinet(id: $id) { products(first: 1, after: $after) { edges { node { id } } } } }`;
  const viewerNotifications = `query($after: String) { viewer { notifications(first: 1, after: $after) { edges { node { id } } } } }`;

  it.each([
    ['an instant before year 1', orders, cursor({ d: '-000001-01-01T00:00:00.000Z' }, '1')],
    ['an id beyond bigint', orders, cursor({ d: '2026-01-01T00:00:00.000Z' }, '9'.repeat(25))],
    ['a number where the list sorts by time', orders, cursor({ v: 5 }, '1')],
    ['a string where the list sorts by number', products, cursor({ v: 'abc' }, '1')],
    ['a number beyond integer', products, cursor({ v: 1e20 }, '1')],
    ['a time where the list sorts by number', products, cursor({ d: '2026-01-01T00:00:00.000Z' }, '1')],
    ['an instant before year 1 on the viewer', viewerNotifications, cursor({ d: '-000001-01-01T00:00:00.000Z' }, '1')],
  ])('refuses %s', async (_case, query, after) => {
    await expectBadInput(query, { after }, /cursor/);
  });

  it('still walks on with the cursors the API hands out', async () => {
    const first = (await expectAnswer(
      `query($id: ID!) { cabinet(id: $id) { orders(first: 2) { edges { cursor node { id } } } } }`,
    )) as { cabinet: { orders: { edges: { cursor: string; node: { id: string } }[] } } };
    const [one, two] = first.cabinet.orders.edges;
    const next = (await expectAnswer(orders, { after: one?.cursor })) as typeof first;
    expect(next.cabinet.orders.edges.map((edge) => edge.node.id)).toEqual([two?.node.id]);
  });
});

describe('text PostgreSQL cannot store (U+0000)', () => {
  it.each([
    [
      'an orders filter',
      `query($id: ID!, $s: String) { cabinet(id: $id) { orders(first: 1, filter: { supplierArticle: $s }) { edges { node { id } } } } }`,
    ],
    [
      'a product search',
      `query($id: ID!, $s: String) { cabinet(id: $id) { products(first: 1, filter: { search: $s }) { edges { node { id } } } } }`,
    ],
    [
      'a stocks filter',
      `query($id: ID!, $s: String) { cabinet(id: $id) { stocks(first: 1, filter: { warehouseName: $s }) { edges { node { id } } } } }`,
    ],
    ['an API token name', `mutation($s: String!) { createApiToken(name: $s) { __typename } }`],
  ])('is refused in %s', async (_case, query) => {
    await expectBadInput(query, { s: 'art\u0000-1' });
  });
});
