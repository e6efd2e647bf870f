import type { ClientRequestArgs } from 'node:http';
import { createSocketToken, revokeApiToken } from '@wb-assist/core';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket, { type ClientOptions } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GRAPHQL_BODY_BYTES } from './server.ts';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// What an open graphql-ws socket may do once its credential is gone, where a cookie may open a
// socket from, and how large a message the socket takes.

let api: TestApi;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await api?.close();
});

/** A `ws` WebSocket that sends these headers with its upgrade, as a browser sends cookie and Origin. */
function webSocketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[], options?: ClientOptions | ClientRequestArgs) {
      super(address, protocols, { ...options, headers });
    }
  };
}

interface Connection {
  client: Client;
  /** Resolves with the socket's close event. */
  closed: Promise<{ code: number; reason: string }>;
}

function connect(connectionParams: Record<string, unknown>, headers: Record<string, string> = {}): Connection {
  let onClosed: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: api.wsUrl,
    webSocketImpl: webSocketWith(headers),
    connectionParams,
    // One socket for the whole test, as a dashboard tab keeps one: not closed between operations.
    lazy: false,
    retryAttempts: 0,
    // The close is the outcome under test (on.closed), not a failure to print.
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
  });
  clients.push(client);
  return { client, closed };
}

/** One query or mutation over the socket: its result, or the close event that ended it. */
function run<T>(client: Client, query: string): Promise<FormattedExecutionResult<T, unknown>> {
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<T, unknown> | undefined;
    client.subscribe<T, unknown>(
      { query },
      {
        next: (value) => (result = value),
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error('completed without a result'))),
      },
    );
  });
}

/** The promise's outcome, or a failure naming what did not happen within the deadline. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** How an open subscription ends: with the close event, or 'event' if something arrived. */
function subscriptionEnd(client: Client): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe(
      { query: 'subscription { notificationReceived { id } }' },
      { next: () => resolve('event'), error: resolve, complete: () => resolve('completed') },
    );
  });
}

const CREATE_TOKEN = 'mutation { createApiToken(name: "CRM") { ... on CreateApiTokenPayload { id token } } }';
const REVOKE_TOKEN = 'mutation($id: ID!) { revokeApiToken(id: $id) { ... on MutationRevokeApiTokenSuccess { data } } }';

async function apiTokenOf(sessionToken: string): Promise<{ id: string; token: string }> {
  const created = await gql<{ createApiToken: { id: string; token: string } }>(api.url, CREATE_TOKEN, {
    token: sessionToken,
  });
  return created.data!.createApiToken;
}

describe('revocation reaches open sockets', () => {
  it('an API token revoked over HTTP loses its socket at once: the next query is refused and the subscription ends', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const apiToken = await apiTokenOf(session);
    const { client, closed } = connect({ token: apiToken.token });
    expect((await run(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
    const ended = subscriptionEnd(client);

    const revoked = await gql(api.url, REVOKE_TOKEN, { variables: { id: apiToken.id }, token: session });
    expect(revoked.data).toEqual({ revokeApiToken: { data: true } });

    await expect(within(5_000, 'the query after revocation', run(client, CREATE_TOKEN))).rejects.toMatchObject({
      code: 4403,
    });
    expect(await within(5_000, 'the subscription to end', ended)).toMatchObject({ code: 4403 });
    expect((await closed).reason).toMatch(/отозван/);
    expect(await api.prisma.apiToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it('an API token revoked by another API process ends an idle subscription within seconds', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const apiToken = await apiTokenOf(session);
    const { client } = connect({ token: apiToken.token });
    expect((await run(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
    const ended = subscriptionEnd(client);

    // Straight in the database, as another API process does: this one's token cache still holds it.
    expect(await revokeApiToken(api.prisma, { userId: user.id, tokenId: apiToken.id })).toBe(true);
    expect(await within(12_000, 'the subscription to end', ended)).toMatchObject({ code: 4403 });
  });

  it('logging out of the dashboard ends the socket it opened with a socket token', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const cookie = `wba_session=${session}`;
    const minted = await gql<{ createSocketToken: { token: string } }>(
      api.url,
      'mutation { createSocketToken { ... on SocketToken { token } } }',
      { cookie },
    );
    const { client } = connect(
      { token: minted.data!.createSocketToken.token },
      { cookie, origin: api.config.webOrigin },
    );
    expect((await run(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
    const ended = subscriptionEnd(client);

    expect((await gql(api.url, 'mutation { logout }', { cookie })).data).toEqual({ logout: true });
    expect(await within(8_000, 'the subscription to end', ended)).toMatchObject({ code: 4403 });
  });

  it('a socket token that expires after connecting leaves the dashboard session’s socket working', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const socketToken = await createSocketToken(api.prisma, { userId: user.id, ttlMs: 300 });
    const { client } = connect(
      { token: socketToken.token },
      { cookie: `wba_session=${session}`, origin: api.config.webOrigin },
    );
    expect((await run(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
    while (Date.now() <= socketToken.expiresAt.getTime()) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await run(client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
  });
});

describe('cookie sign-in over WebSocket', () => {
  it('refuses a socket opened with the session cookie from a foreign origin, so it cannot mint a token', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const { client, closed } = connect({}, { cookie: `wba_session=${session}`, origin: 'http://127.0.0.1:9999' });
    await expect(run(client, CREATE_TOKEN)).rejects.toMatchObject({ code: 4403 });
    expect((await closed).reason).toMatch(/cookie/);
    expect(await api.prisma.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it('accepts the cookie from the dashboard’s origin, and a token from any origin', async () => {
    const { user, token: session } = await signedInUser(api.prisma);
    const fromDashboard = connect({}, { cookie: `wba_session=${session}`, origin: api.config.webOrigin });
    expect((await run(fromDashboard.client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
    const apiToken = await apiTokenOf(session);
    const withToken = connect({ token: apiToken.token }, { origin: 'http://127.0.0.1:9999' });
    expect((await run(withToken.client, '{ viewer { id } }')).data).toEqual({ viewer: { id: user.id } });
  });
});

describe('authentication errors over WebSocket', () => {
  it('closes a connection whose token does not verify with 4403 and a reason that says so', async () => {
    const { client, closed } = connect({ token: 'wba_bogus' });
    await expect(run(client, '{ viewer { id } }')).rejects.toMatchObject({ code: 4403 });
    expect((await closed).reason).toMatch(/[Тт]окен/);
  });
});

describe('message size', () => {
  it('closes a socket that sends a message over 1 MiB, before any authentication', async () => {
    const socket = new WebSocket(api.wsUrl, 'graphql-transport-ws');
    const outcome = new Promise<string>((resolve) => {
      socket.on('message', (data) => resolve(`message ${String(data)}`));
      socket.on('close', (code) => resolve(`closed ${code}`));
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(MAX_GRAPHQL_BODY_BYTES) } }));
    expect(await within(5_000, 'an answer to the large message', outcome)).toBe('closed 1009');
    socket.terminate();

    const { client } = connect({});
    expect((await run(client, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  });
});
