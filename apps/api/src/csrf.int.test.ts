import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// What another site can make a signed-in user's browser send: a form (urlencoded or multipart,
// no preflight), a plain GET, or any request with the cookie attached. None of it may act.

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const FOREIGN = 'http://127.0.0.1:9999';
const CREATE_TOKEN = 'mutation { createApiToken(name: "CSRF") { ... on CreateApiTokenPayload { id } } }';

async function userWithCookie() {
  const { user, token } = await signedInUser(api.prisma);
  return { user, cookie: `wba_session=${token}` };
}

const tokensOf = (userId: string) => api.prisma.apiToken.count({ where: { userId } });

describe('requests a foreign page can send without a preflight', () => {
  it('refuses a urlencoded form post with the session cookie: no token is created', async () => {
    const { user, cookie } = await userWithCookie();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: FOREIGN },
      body: new URLSearchParams({ query: CREATE_TOKEN }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await tokensOf(user.id)).toBe(0);
  });

  it('refuses a multipart form post with the session cookie, even with no Origin header', async () => {
    const { user, cookie } = await userWithCookie();
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: CREATE_TOKEN }));
    form.set('map', '{}');
    const response = await fetch(api.url, { method: 'POST', headers: { cookie }, body: form });
    expect(response.status).toBe(403);
    expect(await tokensOf(user.id)).toBe(0);
  });

  it('refuses a GET without the CSRF header, and never runs a mutation over GET', async () => {
    const { user, cookie } = await userWithCookie();
    const plain = await fetch(`${api.url}?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: { cookie } });
    expect(plain.status).toBe(403);
    const mutation = await fetch(`${api.url}?query=${encodeURIComponent(CREATE_TOKEN)}`, {
      headers: { cookie, 'x-graphql-yoga-csrf': '1', origin: api.config.webOrigin },
    });
    expect(mutation.status).toBe(405);
    expect(await tokensOf(user.id)).toBe(0);
  });
});

describe('the session cookie from a foreign origin', () => {
  it('is refused even on a JSON request', async () => {
    const { user, cookie } = await userWithCookie();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: FOREIGN },
      body: JSON.stringify({ query: CREATE_TOKEN }),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN_ORIGIN');
    expect(body.errors[0]?.message).toMatch(/[а-я]/);
    expect(await tokensOf(user.id)).toBe(0);
  });
});

describe('what keeps working', () => {
  it('the dashboard in the browser: JSON posts and GET queries with the CSRF header, from its origin', async () => {
    const { user, cookie } = await userWithCookie();
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: {
        origin: api.config.webOrigin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'x-graphql-yoga-csrf',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(api.config.webOrigin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-graphql-yoga-csrf/i);
    // Browsers keep the answer, so the dashboard does not pay a preflight before every query.
    expect(Number(preflight.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(600);
    const post = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: api.config.webOrigin },
      body: JSON.stringify({ query: CREATE_TOKEN }),
    });
    expect(post.status).toBe(200);
    expect(await tokensOf(user.id)).toBe(1);
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ viewer { id } }')}`, {
      headers: { cookie, origin: api.config.webOrigin, 'x-graphql-yoga-csrf': '1' },
    });
    expect(await get.json()).toEqual({ data: { viewer: { id: user.id } } });
  });

  it('the dashboard’s server: a JSON post with the cookie and no Origin', async () => {
    const { user, cookie } = await userWithCookie();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { id: user.id } } });
  });

  it('GraphiQL in development: a JSON post with the cookie from the API’s own origin', async () => {
    const { user, cookie } = await userWithCookie();
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: new URL(api.url).origin },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { id: user.id } } });
  });

  it('an integrator’s token from any origin', async () => {
    const { user, cookie } = await userWithCookie();
    const created = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        query: 'mutation { createApiToken(name: "CRM") { ... on CreateApiTokenPayload { token } } }',
      }),
    });
    const { token } = ((await created.json()) as { data: { createApiToken: { token: string } } }).data.createApiToken;
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: FOREIGN },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { id: user.id } } });
  });
});
