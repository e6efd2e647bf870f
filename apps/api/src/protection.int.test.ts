import { afterEach, describe, expect, it } from 'vitest';
import { postChunked } from '@wb-assist/http/testing';
import { MAX_GRAPHQL_BODY_BYTES } from './server.ts';
import { orderRow } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const rejected = (result: { errors?: { message: string }[] }) => result.errors?.map((e) => e.message).join(' | ') ?? '';

describe('graphql-armor limits', () => {
  it('refuses a query nested deeper than the limit', async () => {
    api = await startTestApi();
    const ok = '{ viewer { cabinets { cabinet { orders(first: 1) { edges { node { id } } } } } } }';
    expect((await gql(api.url, ok)).errors).toBeUndefined();
    // The schema has no cycles, so only nonsense nests this deep: armor refuses it by depth
    // before anything else looks at it.
    const tooDeep = `{ viewer { ${'a { '.repeat(12)}b${' }'.repeat(12)} } }`;
    expect(rejected(await gql(api.url, tooDeep))).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    api = await startTestApi();
    const aliases = Array.from({ length: 16 }, (_, i) => `v${i}: viewer { id }`).join(' ');
    expect(rejected(await gql(api.url, `{ ${aliases} }`))).toMatch(/aliases/i);
  });

  it('refuses too many tokens', async () => {
    api = await startTestApi();
    const fields = Array.from({ length: 2100 }, () => '__typename').join(' ');
    expect(rejected(await gql(api.url, `{ ${fields} }`))).toMatch(/token/i);
  });

  it('refuses a query that costs too much', async () => {
    api = await startTestApi();
    const wide = Array.from(
      { length: 14 },
      (_, i) =>
        `o${i}: orders(first: 100) { edges { node { id srid orderDate nmId barcode brand subject warehouseName totalPrice } } }`,
    ).join(' ');
    const result = await gql(api.url, `{ viewer { cabinets { cabinet { ${wide} } } } }`);
    expect(rejected(result)).toMatch(/cost/i);
  });
});

describe('per-caller rate limit', () => {
  it('answers 429 RATE_LIMITED once a caller spends its bucket, without slowing others', async () => {
    api = await startTestApi({ rateLimit: { burst: 3, perSecond: 0.01 } });
    const one = await signedInUser(api.prisma);
    const two = await signedInUser(api.prisma);
    for (let i = 0; i < 3; i += 1) {
      expect((await gql(api.url, '{ viewer { id } }', { token: one.token })).status).toBe(200);
    }
    const limited = await gql(api.url, '{ viewer { id } }', { token: one.token });
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await gql(api.url, '{ viewer { id } }', { token: two.token })).status).toBe(200);
  });
});

describe('errors', () => {
  it('masks unexpected errors outside development: no stack, no internals', async () => {
    api = await startTestApi();
    const { token } = await signedInUser(api.prisma);
    // A cursor that decodes to garbage is a client error: typed, with a message.
    const bad = await gql(api.url, `{ viewer { notifications(first: 1, after: "x") { edges { cursor } } } }`, {
      token,
    });
    expect(bad.errors?.[0]?.message).toBe('Invalid cursor');
    // An invalid time zone reaching PostgreSQL would be an internal error; it is validated first.
    expect(JSON.stringify(bad)).not.toMatch(/stack|at \w+ \(/);
  });

  it('answers an unexpected failure as "Unexpected error." with no detail, and the same query works again after', async () => {
    api = await startTestApi();
    const signedIn = await signedInUser(api.prisma);
    const cabinet = await cabinetOf(api.prisma, signedIn.user.id);
    const order = orderRow(cabinet.id, 1, new Date('2026-03-10T09:00:00Z'));
    await api.prisma.wbOrder.create({ data: order });
    const page = { cabinet: { orders: { edges: [{ node: { srid: order.srid } }] } } };
    const query = 'query($id: ID!) { cabinet(id: $id) { orders(first: 5) { edges { node { srid } } } } }';
    const ask = () => gql(api!.url, query, { variables: { id: cabinet.id }, token: signedIn.token });
    expect((await ask()).data).toEqual(page);

    // The table vanishes under a running API: PostgreSQL's message names it, the caller must not see that.
    await api.pool.query('ALTER TABLE wb_orders RENAME TO wb_orders_away');
    try {
      const broken = await ask();
      expect(broken.status).toBe(200);
      expect(broken.data).toEqual({ cabinet: null });
      expect(broken.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
      expect(JSON.stringify(broken)).not.toMatch(/wb_orders|stack|prisma|relation/i);
    } finally {
      await api.pool.query('ALTER TABLE wb_orders_away RENAME TO wb_orders');
    }
    expect((await ask()).data).toEqual(page);
  });

  it('serves GraphiQL only in development', async () => {
    api = await startTestApi();
    const html = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await api.close();
    api = await startTestApi({ nodeEnv: 'development' });
    const dev = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(dev.headers.get('content-type')).toMatch(/text\/html/);
    expect(await dev.text()).toMatch(/GraphiQL/i);
  });
});

describe('request body', () => {
  it('reads a query that arrives in several chunks', async () => {
    api = await startTestApi();
    const body = JSON.stringify({ query: '{ loginOptions { demo } __typename }' });
    const third = Math.ceil(body.length / 3);
    const answer = await postChunked(api.url, [
      body.slice(0, third),
      body.slice(third, 2 * third),
      body.slice(2 * third),
    ]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('refuses a body over the limit with 413, by its length or as it streams in, and serves the next request', async () => {
    api = await startTestApi();
    const padding = 'x'.repeat(MAX_GRAPHQL_BODY_BYTES);
    const declared = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding } }),
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });

    const streamed = await postChunked(api.url, [
      '{"query":"{ __typename }","variables":{"padding":"',
      ...Array.from({ length: 20 }, () => 'x'.repeat(64 * 1024)),
      '"}}',
    ]);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatch(/REQUEST_ENTITY_TOO_LARGE/);

    expect((await gql(api.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});

describe('CORS', () => {
  it('lets only the dashboard’s origin call with credentials', async () => {
    api = await startTestApi();
    const preflight = (origin: string) =>
      fetch(api!.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ours = await preflight('http://localhost:3000');
    expect(ours.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ours.headers.get('access-control-allow-credentials')).toBe('true');
    const theirs = await preflight('https://evil.example');
    expect(theirs.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});
