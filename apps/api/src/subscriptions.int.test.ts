import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { notify as notifyChannel, type Channel, type ChannelPayloads } from '@wb-assist/db/channels';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNotification } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';

let api: TestApi;
let a: { userId: string; token: string; cabinetId: string };
let b: { userId: string; token: string; cabinetId: string };
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi();
  for (const who of ['a', 'b'] as const) {
    const { user, token } = await signedInUser(api.prisma);
    const cabinet = await cabinetOf(api.prisma, user.id);
    const entry = { userId: user.id, token, cabinetId: cabinet.id };
    if (who === 'a') a = entry;
    else b = entry;
  }
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.close();
});

function connect(connectionParams: Record<string, unknown>): Client {
  const client = createClient({ url: api.wsUrl, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  clients.push(client);
  return client;
}

const notify = <C extends Channel>(channel: C, payload: ChannelPayloads[C]) =>
  notifyChannel(api.pool, channel, payload);

/**
 * The subscription is live once the server ran its subscribe resolver, which the client
 * cannot observe: keep announcing until the first event arrives (or the test times out).
 */
async function firstEvent<T>(iterator: AsyncIterator<T>, announce: () => Promise<unknown>): Promise<T> {
  const next = iterator.next();
  let done = false;
  void next.finally(() => (done = true));
  while (!done) {
    await announce();
    await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 150))]);
  }
  const result = await next;
  if (result.done) throw new Error('subscription ended without an event');
  return result.value;
}

describe('notificationReceived', () => {
  it('a stored notification announced with NOTIFY reaches its user over graphql-ws, with a socket token', async () => {
    const socket = await gql<{ createSocketToken: { token: string } }>(
      api.url,
      'mutation { createSocketToken { ... on SocketToken { token expiresAt } } }',
      { token: a.token },
    );
    const client = connect({ token: socket.data!.createSocketToken.token });
    const iterator = client.iterate<{ notificationReceived: { id: string; type: string; cabinetId: string } }>({
      query: 'subscription { notificationReceived { id type cabinetId payload } }',
    });
    const row = await insertNotification(api.prisma, { cabinetId: a.cabinetId, userId: a.userId });
    const payload = { id: row.id.toString(), userId: a.userId, cabinetId: a.cabinetId, type: 'new_order' };
    const event = await firstEvent(iterator, () => notify('notification', payload));
    expect(event.errors).toBeUndefined();
    expect(event.data?.notificationReceived).toEqual({
      id: row.id.toString(),
      type: 'new_order',
      cabinetId: a.cabinetId,
      payload: { ...SAMPLE_PAYLOADS.new_order, srid: expect.any(String) },
    });
    await iterator.return?.();
  });

  it('never delivers another user’s notification: B receives only B’s own', async () => {
    const client = connect({ token: b.token });
    const iterator = client.iterate<{ notificationReceived: { id: string } }>({
      query: 'subscription { notificationReceived { id cabinetId } }',
    });
    const rowOfA = await insertNotification(api.prisma, { cabinetId: a.cabinetId, userId: a.userId });
    const rowOfB = await insertNotification(api.prisma, { cabinetId: b.cabinetId, userId: b.userId });
    // A's event goes first every round, and even claims B as its user: the row is loaded with
    // B's id, so the forged payload yields nothing.
    const event = await firstEvent(iterator, async () => {
      await notify('notification', {
        id: rowOfA.id.toString(),
        userId: a.userId,
        cabinetId: a.cabinetId,
        type: 'new_order',
      });
      await notify('notification', {
        id: rowOfA.id.toString(),
        userId: b.userId,
        cabinetId: a.cabinetId,
        type: 'new_order',
      });
      await notify('notification', {
        id: rowOfB.id.toString(),
        userId: b.userId,
        cabinetId: b.cabinetId,
        type: 'new_order',
      });
    });
    expect(event.data?.notificationReceived).toEqual({ id: rowOfB.id.toString(), cabinetId: b.cabinetId });
    await iterator.return?.();
  });
});

describe('across API processes', () => {
  it('a notification announced through one API’s database connection reaches a client of another API', async () => {
    const other = await startTestApi();
    try {
      const client = createClient({
        url: other.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { token: a.token },
        retryAttempts: 0,
      });
      clients.push(client);
      const iterator = client.iterate<{ notificationReceived: { id: string } }>({
        query: 'subscription { notificationReceived { id } }',
      });
      const row = await insertNotification(api.prisma, { cabinetId: a.cabinetId, userId: a.userId });
      const payload = { id: row.id.toString(), userId: a.userId, cabinetId: a.cabinetId, type: 'new_order' };
      const event = await firstEvent(iterator, () => notify('notification', payload));
      expect(event.data?.notificationReceived).toEqual({ id: row.id.toString() });
      await iterator.return?.();
    } finally {
      await other.close();
    }
  });
});

describe('syncProgress and cabinetUpdated', () => {
  it('streams the progress of the caller’s cabinet', async () => {
    const client = connect({ token: a.token });
    const iterator = client.iterate<{ syncProgress: { stage: string; percent: number } }>({
      query: 'subscription($id: ID!) { syncProgress(cabinetId: $id) { cabinetId stage percent } }',
      variables: { id: a.cabinetId },
    });
    const event = await firstEvent(iterator, () =>
      notify('syncProgress', { cabinetId: a.cabinetId, stage: 'sales', percent: 40 }),
    );
    expect(event.data?.syncProgress).toEqual({ cabinetId: a.cabinetId, stage: 'sales', percent: 40 });
    await iterator.return?.();
  });

  it('refuses syncProgress of another user’s cabinet, and anonymous subscriptions, with no data', async () => {
    for (const params of [{ token: b.token }, {}]) {
      const client = connect(params);
      const iterator = client.iterate({
        query: 'subscription($id: ID!) { syncProgress(cabinetId: $id) { cabinetId stage percent } }',
        variables: { id: a.cabinetId },
      });
      const result = await firstEvent(iterator, () =>
        notify('syncProgress', { cabinetId: a.cabinetId, stage: 'sales', percent: 41 }),
      ).catch((error: unknown) => ({ thrown: error }));
      expect(JSON.stringify(result)).not.toMatch(/"percent":41/);
      expect(JSON.stringify(result)).toMatch(/Нет доступа|Forbidden|Not authorized/i);
    }
  });

  it('refuses buyerAnswerChanged of another user’s cabinet, and anonymous subscriptions, with no data', async () => {
    for (const params of [{ token: b.token }, {}]) {
      const client = connect(params);
      const iterator = client.iterate({
        query: 'subscription($id: ID!) { buyerAnswerChanged(cabinetId: $id) { kind targetId answer { text } } }',
        variables: { id: a.cabinetId },
      });
      const result = await firstEvent(iterator, () =>
        notify('buyerAnswerChanged', { cabinetId: a.cabinetId, kind: 'question', targetId: 'q-secret-41' }),
      ).catch((error: unknown) => ({ thrown: error }));
      expect(JSON.stringify(result)).not.toMatch(/q-secret-41/);
      expect(JSON.stringify(result)).toMatch(/Нет доступа|Forbidden|Not authorized/i);
    }
  });

  it('cabinetUpdated tells a member about their cabinet and nothing about others', async () => {
    const client = connect({ token: b.token });
    const iterator = client.iterate<{ cabinetUpdated: { event: string; cabinet: { id: string } } }>({
      query: 'subscription { cabinetUpdated { event cabinet { id status } } }',
    });
    const event = await firstEvent(iterator, async () => {
      await notify('cabinetEvent', { cabinetId: a.cabinetId, event: 'key_invalid' });
      await notify('cabinetEvent', { cabinetId: b.cabinetId, event: 'initial_sync_completed' });
    });
    expect(event.data?.cabinetUpdated).toEqual({
      event: 'initial_sync_completed',
      cabinet: { id: b.cabinetId, status: 'ready' },
    });
    await iterator.return?.();
  });

  it('closes a connection whose token does not verify', async () => {
    const client = connect({ token: 'wbs_not-a-real-session' });
    const iterator = client.iterate({ query: 'subscription { notificationReceived { id } }' });
    await expect(iterator.next()).rejects.toMatchObject({ code: 4403 });
  });
});
