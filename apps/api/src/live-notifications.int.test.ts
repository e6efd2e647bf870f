import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notify } from '@wb-assist/db/channels';
import { freePort, testDatabaseUrl } from '@wb-assist/db/testing';
import { appEnv, startApi, startWorker, type AppProcess } from '@wb-assist/test-system';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { insertNotification } from './testing/fixtures.ts';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// The whole path: a seller connects a key through GraphQL, a real worker process syncs
// from the WB emulator, the emulator takes a new order, and notificationReceived arrives over
// graphql-ws — on this process's API and on a second API process sharing the database.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-api-live-'));
const encryptionKey = randomBytes(32);
let emulator: RunningEmulator;
let api: TestApi;
const clients: Client[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 21,
    profile: 'fast',
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    frozenClock: true,
  });
  const hosts = emulator.hosts;
  api = await startTestApi({ encryptionKey, wb: { hosts, limiter: new MemoryRateLimiter(), timeoutMs: 5_000 } });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.close();
  await emulator?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Received = { type: string; cabinetId: string; payload: { srid?: string } };

function subscribe(wsUrl: string, token: string): { received: Received[] } {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { token },
    retryAttempts: 0,
  });
  clients.push(client);
  const received: Received[] = [];
  client.subscribe<{ notificationReceived: Received }>(
    { query: 'subscription { notificationReceived { type cabinetId payload } }' },
    {
      next: (result) => {
        if (result.data) received.push(result.data.notificationReceived);
      },
      error: (error) => received.push({ type: `error: ${JSON.stringify(error)}`, cabinetId: '', payload: {} }),
      complete: () => undefined,
    },
  );
  return { received };
}

async function waitFor<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('delivers new emulator orders to subscribers on two API processes, with one worker and then two', async () => {
  const first = api;
  const seller = await emulator.control.createSeller({
    name: 'ИП Подписка',
    historyDays: 2,
    traffic: { ordersPerDay: 30 },
  });
  const { token: key } = await emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const { user, token } = await signedInUser(first.prisma, { firstName: 'Инна' });
  const connected = await gql<{ connectCabinet: { cabinet?: { id: string }; message?: string } }>(
    first.url,
    'mutation ($key: String!) { connectCabinet(key: $key) { ... on ConnectCabinetPayload { cabinet { id } } ... on ConnectCabinetError { message } } }',
    { token, variables: { key } },
  );
  const cabinetId = connected.data?.connectCabinet.cabinet?.id;
  expect(cabinetId, JSON.stringify(connected)).toBeDefined();

  const env = await appEnv({
    databaseUrl: testDatabaseUrl(),
    dataDir,
    emulatorUrl: emulator.url,
    encryptionKey,
    webhookSecret: randomBytes(16).toString('hex'),
    extra: { WB_RATE_LIMIT_SCALE: '0.001', BOT_INTERNAL_URL: 'http://127.0.0.1:9' },
  });
  const processes: AppProcess[] = [];
  const output = () => processes.map((child) => child.output()).join('');
  try {
    processes.push(startWorker({ env }));
    const secondApi = await startApi({ env });
    processes.push(secondApi);
    await waitFor('the initial sync', async () => {
      const { rows } = await first.pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [
        cabinetId,
      ]);
      return rows[0]?.status === 'ready' ? true : undefined;
    });
    const onFirst = subscribe(first.wsUrl, token);
    const onSecond = subscribe(secondApi.wsUrl, token);
    // Subscriptions go live once the server ran their resolvers, which the client cannot see:
    // announce a probe notification until both have it. The assertions below leave it out.
    const probe = await insertNotification(first.prisma, { cabinetId: cabinetId!, userId: user.id });
    const announced = { id: String(probe.id), userId: user.id, cabinetId: cabinetId!, type: 'new_order' };
    const orders = (subscriber: { received: Received[] }) =>
      subscriber.received.filter((item) => item.payload.srid !== probe.eventKey);
    await waitFor('both subscriptions to go live', async () => {
      if ([onFirst, onSecond].every((subscriber) => orders(subscriber).length < subscriber.received.length))
        return true;
      await notify(first.pool, 'notification', announced);
      return undefined;
    });

    await emulator.control.advanceClock({ ms: 1_000 });
    const order = await emulator.control.addOrder(seller.sid);
    const started = Date.now();
    for (const [name, subscriber] of [
      ['first', onFirst],
      ['second process', onSecond],
    ] as const) {
      const event = await waitFor(`the notification on the ${name} API`, () =>
        subscriber.received.find((item) => item.payload.srid === order.srid),
      );
      expect(event, output()).toMatchObject({ type: 'new_order', cabinetId });
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    // The history of the initial sync raised nothing, and the order arrived once per process.
    expect(orders(onFirst)).toHaveLength(1);
    expect(orders(onSecond)).toHaveLength(1);

    // Scale-out: a second worker joins; a dozen orders in a row reach both API processes'
    // subscribers, each exactly once, whichever worker synced and delivered them.
    processes.push(startWorker({ env: { ...env, WORKER_PORT: String(await freePort()) } }));
    const more: string[] = [];
    for (let i = 0; i < 12; i++) {
      await emulator.control.advanceClock({ ms: 1_000 });
      more.push((await emulator.control.addOrder(seller.sid)).srid);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    for (const subscriber of [onFirst, onSecond]) {
      await waitFor('every order on both APIs', () =>
        more.every((srid) => subscriber.received.some((item) => item.payload.srid === srid)) ? true : undefined,
      );
    }
    // One more order, announced after everything before it: each API pushes a user's
    // notifications in order, so once it is in, no copy of an earlier one is still on the way.
    await emulator.control.advanceClock({ ms: 1_000 });
    const last = (await emulator.control.addOrder(seller.sid)).srid;
    for (const subscriber of [onFirst, onSecond]) {
      await waitFor('the last order on both APIs', () =>
        subscriber.received.some((item) => item.payload.srid === last) ? true : undefined,
      );
    }
    for (const subscriber of [onFirst, onSecond]) {
      const srids = orders(subscriber).map((item) => item.payload.srid);
      // The living shop may place an order of its own in these seconds (whether it does depends
      // on the hour the run starts): ours arrive once each, and nothing arrives twice.
      expect(srids.filter((srid) => srid === order.srid || more.includes(srid!))).toHaveLength(13);
      expect(new Set(srids).size).toBe(srids.length);
    }
    const { rows: overlaps } = await first.pool.query<{ overlapping: number }>(
      `SELECT count(*)::int AS overlapping FROM wb_sync_logs a JOIN wb_sync_logs b
         ON a.cabinet_id = b.cabinet_id AND a.id < b.id
        AND a.started_at < COALESCE(b.completed_at, now()) AND b.started_at < COALESCE(a.completed_at, now())`,
    );
    expect(overlaps[0]?.overlapping, 'no cabinet synced twice at once').toBe(0);
  } finally {
    await Promise.all(processes.map((child) => child.stop()));
  }
}, 120_000);
