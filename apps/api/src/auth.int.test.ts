import { createHash, createHmac } from 'node:crypto';
import { createApiToken, createLoginLink } from '@wb-assist/core';
import { afterEach, describe, expect, it } from 'vitest';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

const BOT_TOKEN = '123456789:AAH-test-token-for-widget-signatures';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const LOGIN_FIELDS = `__typename ... on LoginPayload { expiresAt user { id telegramId firstName } }
  ... on OperationError { code message }`;

/** The Login Widget's signature: HMAC-SHA256 of the sorted fields, keyed by SHA-256(bot token). */
function signWidget(fields: Record<string, string>, botToken = BOT_TOKEN): Record<string, string> {
  const check = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secret = createHash('sha256').update(botToken).digest();
  return { ...fields, hash: createHmac('sha256', secret).update(check).digest('hex') };
}

function sessionCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((value) => value.startsWith('wba_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

describe('loginWithTelegram', () => {
  it('accepts a correctly signed widget login, creates the user and sets an httpOnly session cookie', async () => {
    api = await startTestApi({ botToken: BOT_TOKEN });
    const data = signWidget({
      id: '555000111',
      first_name: 'Ольга',
      auth_date: String(Math.floor(Date.now() / 1000)),
    });
    const result = await gql<{ loginWithTelegram: { __typename: string; user: { telegramId: string } } }>(
      api.url,
      `mutation($data: TelegramLoginInput!) { loginWithTelegram(data: $data) { ${LOGIN_FIELDS} } }`,
      { variables: { data } },
    );
    expect(result.data?.loginWithTelegram).toMatchObject({
      __typename: 'LoginPayload',
      user: { telegramId: '555000111', firstName: 'Ольга' },
    });
    const cookie = sessionCookieOf(result.headers);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const viewer = await gql<{ viewer: { telegramId: string } }>(api.url, '{ viewer { telegramId } }', {
      cookie: cookie.split(';')[0],
    });
    expect(viewer.data?.viewer.telegramId).toBe('555000111');
  });

  it('refuses a forged signature and a login older than a day, with no cookie', async () => {
    api = await startTestApi({ botToken: BOT_TOKEN });
    const now = Math.floor(Date.now() / 1000);
    const forged = signWidget({ id: '555000112', auth_date: String(now) }, '987654321:AAH-some-other-bots-token-xx');
    const stale = signWidget({ id: '555000112', auth_date: String(now - 2 * 86_400) });
    for (const data of [forged, stale]) {
      const result = await gql<{ loginWithTelegram: { __typename: string; message: string } }>(
        api.url,
        `mutation($data: TelegramLoginInput!) { loginWithTelegram(data: $data) { ${LOGIN_FIELDS} } }`,
        { variables: { data } },
      );
      expect(result.data?.loginWithTelegram.__typename).toBe('OperationError');
      expect(result.data?.loginWithTelegram.message).toMatch(/[а-я]/);
      expect(result.headers.getSetCookie()).toEqual([]);
    }
    expect(await api.prisma.user.count({ where: { telegramId: 555000112n } })).toBe(0);
  });

  it('sets Secure on the cookie when the API is served over https', async () => {
    api = await startTestApi({ botToken: BOT_TOKEN, secureCookies: true });
    const data = signWidget({ id: '555000113', auth_date: String(Math.floor(Date.now() / 1000)) });
    const result = await gql(
      api.url,
      `mutation($data: TelegramLoginInput!) { loginWithTelegram(data: $data) { ${LOGIN_FIELDS} } }`,
      { variables: { data } },
    );
    expect(sessionCookieOf(result.headers)).toMatch(/; Secure/);
  });
});

describe('loginWithLink', () => {
  it('signs in once with a link minted by the bot; the second use is refused', async () => {
    api = await startTestApi();
    const { user } = await signedInUser(api.prisma, { firstName: 'Иван' });
    const link = await createLoginLink(api.prisma, { userId: user.id });
    const query = `mutation($token: String!) { loginWithLink(token: $token) { ${LOGIN_FIELDS} } }`;
    const first = await gql<{ loginWithLink: { __typename: string; user: { id: string } } }>(api.url, query, {
      variables: { token: link.token },
    });
    expect(first.data?.loginWithLink).toMatchObject({ __typename: 'LoginPayload', user: { id: user.id } });
    sessionCookieOf(first.headers);
    const second = await gql<{ loginWithLink: { __typename: string; code: string } }>(api.url, query, {
      variables: { token: link.token },
    });
    expect(second.data?.loginWithLink).toMatchObject({ __typename: 'OperationError', code: 'link_invalid' });
  });
});

describe('demoLogin', () => {
  it('is refused unless the deployment enables it', async () => {
    api = await startTestApi();
    const result = await gql(api.url, `mutation { demoLogin { ${LOGIN_FIELDS} } }`);
    expect(result.data).toMatchObject({ demoLogin: { __typename: 'OperationError', code: 'demo_disabled' } });
    const options = await gql(api.url, '{ loginOptions { demo telegramBotUsername } }');
    expect(options.data).toEqual({ loginOptions: { demo: false, telegramBotUsername: null } });
  });

  it('signs in as the configured demo user when enabled', async () => {
    api = await startTestApi();
    const { user } = await signedInUser(api.prisma, { firstName: 'Демо' });
    await api.close();
    api = await startTestApi({ demoTelegramId: user.telegramId });
    const result = await gql(api.url, `mutation { demoLogin { ${LOGIN_FIELDS} } }`);
    expect(result.data).toMatchObject({ demoLogin: { __typename: 'LoginPayload', user: { id: user.id } } });
    const options = await gql(api.url, '{ loginOptions { demo } }');
    expect(options.data).toEqual({ loginOptions: { demo: true } });
  });
});

describe('logout and tokens', () => {
  it('logout revokes the session: the cookie no longer signs in', async () => {
    api = await startTestApi();
    const { token } = await signedInUser(api.prisma);
    const cookie = `wba_session=${token}`;
    expect(
      (await gql<{ viewer: object | null }>(api.url, '{ viewer { id } }', { cookie })).data?.viewer,
    ).not.toBeNull();
    const result = await gql(api.url, 'mutation { logout }', { cookie });
    expect(result.data).toEqual({ logout: true });
    expect(result.headers.getSetCookie()[0]).toMatch(/^wba_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await gql(api.url, '{ viewer { id } }', { cookie })).data).toEqual({ viewer: null });
  });

  it('an API token is shown once, works as a Bearer token, and stops working when revoked', async () => {
    api = await startTestApi();
    const { user, token } = await signedInUser(api.prisma);
    const created = await gql<{ createApiToken: { id: string; token: string; prefix: string } }>(
      api.url,
      'mutation { createApiToken(name: "CRM") { ... on CreateApiTokenPayload { id token prefix } } }',
      { token },
    );
    const apiToken = created.data!.createApiToken;
    expect(apiToken.token.startsWith('wba_')).toBe(true);
    const stored = await api.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).not.toContain(apiToken.token);

    const listed = await gql(api.url, '{ viewer { id apiTokens { id name prefix } } }', { token: apiToken.token });
    expect(listed.data).toEqual({
      viewer: { id: user.id, apiTokens: [{ id: apiToken.id, name: 'CRM', prefix: apiToken.prefix }] },
    });

    const revoked = await gql(
      api.url,
      'mutation($id: ID!) { revokeApiToken(id: $id) { ... on MutationRevokeApiTokenSuccess { data } } }',
      { variables: { id: apiToken.id }, token },
    );
    expect(revoked.data).toEqual({ revokeApiToken: { data: true } });
    const refused = await gql(api.url, '{ viewer { id } }', { token: apiToken.token });
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a Bearer token that does not verify is answered 401 UNAUTHENTICATED, not as an anonymous caller', async () => {
    api = await startTestApi();
    const { user } = await signedInUser(api.prisma);
    const other = await createApiToken(api.prisma, { userId: user.id, name: 'x' });
    const tampered = `${other.token.slice(0, -2)}zz`;
    for (const token of ['wba_bogus', tampered, 'wbs_not-a-session']) {
      const result = await gql(api.url, '{ viewer { id } }', { token });
      expect(result.status).toBe(401);
      expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.errors?.[0]?.message).toMatch(/[Тт]окен/);
    }
    const malformed = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${other.token}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(malformed.status).toBe(401);
  });

  it('without a token, or with a stale session cookie, the caller is anonymous and the login page loads', async () => {
    api = await startTestApi();
    const query = '{ viewer { id } loginOptions { demo } }';
    const anonymous = await gql(api.url, query);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data).toEqual({ viewer: null, loginOptions: { demo: false } });
    const stale = await gql(api.url, query, { cookie: 'wba_session=wbs_expired-long-ago' });
    expect(stale.status).toBe(200);
    expect(stale.data).toEqual({ viewer: null, loginOptions: { demo: false } });
  });
});
