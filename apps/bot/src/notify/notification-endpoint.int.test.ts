import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { sign, type BotDelivery, type RenderedMessage } from '@wb-assist/delivery';
import { createLogger } from '@wb-assist/logger';
import { createMetrics } from '@wb-assist/metrics';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { createTelegrafBot } from '../telegram/telegraf-adapter.ts';
import { throttleTelegram, type ThrottledTelegram } from '../telegram/throttle.ts';
import { createNotificationEndpoint } from './notification-endpoint.ts';

// The worker's webhook as the bot serves it: real Telegram calls (to the fake, over HTTP) and
// real notification_history rows.

const TOKEN = '777001:AAFake-token-for-endpoint-tests_1';
const SECRET = randomBytes(16).toString('hex');
const CHAT = 4_400_001;
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
const logger = createLogger({ name: 'bot-test', level: 'silent' });
let fake: TelegramFake;
let telegram: ThrottledTelegram;
let handle: ReturnType<typeof createNotificationEndpoint>;
let metrics: ReturnType<typeof createMetrics>;
let userId: string;
let cabinetId: string;

beforeAll(async () => {
  const { rows: users } = await pool.query<{ id: string }>(`INSERT INTO users (telegram_id) VALUES ($1) RETURNING id`, [
    CHAT,
  ]);
  userId = users[0]!.id;
  const { rows: cabinets } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES ('s-1', 'ИП Тест', 'x', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
  );
  cabinetId = cabinets[0]!.id;
});

beforeEach(async () => {
  fake = await startTelegramFake({ tokens: [TOKEN], limits: { perChatPerSecond: 1000, globalPerSecond: 1000 } });
  const adapter = createTelegrafBot({
    token: TOKEN,
    apiRoot: fake.url,
    onUpdate: async () => {},
    onError: () => {},
  });
  telegram = throttleTelegram(adapter.port, { perChatPerSecond: 1000, globalPerSecond: 1000 });
  metrics = createMetrics('bot-test');
  handle = createNotificationEndpoint({ pool, telegram, secret: SECRET, logger, metrics });
});
afterEach(async () => {
  await telegram.stop();
  await fake.close();
});
afterAll(async () => {
  await pool.end();
});

let nextEvent = 0;
async function pendingNotification(): Promise<string> {
  const key = `${cabinetId}:new_order:srid-${++nextEvent}`;
  const { rows: events } = await pool.query<{ id: string }>(
    `INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload) VALUES ($1, 'new_order', $2, now(), '{}') RETURNING id`,
    [cabinetId, key],
  );
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at)
     VALUES ($1, $2, $3, $4, 'new_order', now()) RETURNING id::text`,
    [userId, cabinetId, events[0]!.id, key],
  );
  return rows[0]!.id;
}

const message = (overrides: Partial<RenderedMessage> = {}): RenderedMessage => ({
  text: '🛒 <b>Новый заказ</b>\nКуртка · 1\u00a0234\u00a0₽',
  photoUrl: 'https://basket-01.wbbasket.ru/vol1/part1/1/images/big/1.webp',
  parseMode: 'HTML',
  buttons: [[{ text: 'Открыть на WB', url: 'https://www.wildberries.ru/catalog/1/detail.aspx' }]],
  ...overrides,
});

function delivery(ids: string[], messages: RenderedMessage[] = [message()]): string {
  const body: BotDelivery = {
    attemptId: randomUUID(),
    notificationIds: ids,
    userId,
    chatId: String(CHAT),
    messages,
    events: [{ type: 'new_order', eventKey: 'k', cabinetId, occurredAt: new Date().toISOString(), payload: {} }],
  };
  return JSON.stringify(body);
}

const sends = () => fake.control.calls().filter((call) => call.method === 'sendPhoto' || call.method === 'sendMessage');
const statusOf = async (id: string) =>
  (await pool.query<{ status: string }>('SELECT status FROM notification_history WHERE id = $1', [id])).rows[0]?.status;
const rowOf = async (id: string) =>
  (
    await pool.query<{ status: string; in_doubt: boolean }>(
      'SELECT status::text, in_doubt FROM notification_history WHERE id = $1',
      [id],
    )
  ).rows[0];

/**
 * The road to Telegram, with a switch: "drop" hands the call to Telegram (the fake records the
 * message) and then breaks the connection before the answer gets back, as when the bot is killed
 * mid-send or the network fails at the worst moment.
 */
async function roadToTelegram(target: () => string) {
  const road = { mode: 'pass' as 'pass' | 'drop', url: '' };
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await text(req);
      const answer = await fetch(`${target()}${req.url}`, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: req.method === 'GET' ? undefined : body,
      });
      const answered = await answer.text();
      if (road.mode === 'drop') return req.socket.destroy();
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answered);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  road.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(road, {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

it('refuses unsigned, forged and replayed requests without sending anything', async () => {
  const id = await pendingNotification();
  const body = delivery([id]);
  expect((await handle(body, undefined)).status).toBe(401);
  expect((await handle(body, sign('another-secret', body))).status).toBe(401);
  const signature = sign(SECRET, body);
  expect((await handle(body, signature)).body).toEqual({ status: 'sent' });
  expect((await handle(body, signature)).status).toBe(409);
  expect(sends()).toHaveLength(1);
});

it('refuses a replay whose signature header is written differently', async () => {
  const id = await pendingNotification();
  const body = delivery([id]);
  const signature = sign(SECRET, body);
  expect((await handle(body, signature)).body).toEqual({ status: 'sent' });
  const [t, v1] = signature.split(',') as [string, string];
  for (const rewritten of [`${v1},${t}`, `${t.replace('t=', 't=0')},${v1}`, `${t}, ${v1}`]) {
    expect(await handle(body, rewritten), rewritten).toMatchObject({ status: 409, body: { error: 'replay' } });
  }
  expect(sends()).toHaveLength(1);
});

it('sends a photo with its caption and buttons, marks it sent, and never sends it twice', async () => {
  const id = await pendingNotification();
  const first = delivery([id]);
  expect((await handle(first, sign(SECRET, first))).body).toEqual({ status: 'sent' });
  expect(await statusOf(id)).toBe('sent');
  const [photo] = fake.control.messagesTo(CHAT).slice(-1);
  expect(photo?.photo).toBeDefined();
  expect(photo?.caption).toContain('Новый заказ');
  expect(JSON.stringify(photo?.reply_markup)).toContain('Открыть на WB');
  // What /metrics shows an operator: the notification by type and status, and the webhook's time.
  const exposed = await metrics.registry.metrics();
  expect(exposed).toMatch(/wb_notifications_total\{[^}]*type="new_order"[^}]*status="sent"[^}]*\} 1\n/);
  expect(exposed).toMatch(/wb_webhook_delivery_seconds_count\{[^}]*\} 1\n/);

  // The worker lost our answer and posts the same notification again: "sent", no new message.
  const again = delivery([id]);
  expect((await handle(again, sign(SECRET, again))).body).toEqual({ status: 'sent' });
  // Two concurrent posts of a new notification: one message.
  const other = await pendingNotification();
  const [a, b] = [delivery([other]), delivery([other])];
  const answers = await Promise.all([handle(a, sign(SECRET, a)), handle(b, sign(SECRET, b))]);
  expect(answers.map((answer) => answer.body)).toEqual([{ status: 'sent' }, { status: 'sent' }]);
  expect(sends()).toHaveLength(2);
});

it('falls back to a text message when the photo fails or the caption is too long', async () => {
  const broken = await pendingNotification();
  const body = delivery([broken], [message({ photoUrl: 'https://basket-01.wb.invalid/1.webp' })]);
  expect((await handle(body, sign(SECRET, body))).body).toEqual({ status: 'sent' });
  const long = await pendingNotification();
  const longBody = delivery([long], [message({ text: `🛒 <b>Новый заказ</b>\n${'а'.repeat(1100)}` })]);
  expect((await handle(longBody, sign(SECRET, longBody))).body).toEqual({ status: 'sent' });
  expect(sends().map((call) => `${call.method} ${call.response.ok ? 'ok' : call.response.error_code}`)).toEqual([
    'sendPhoto 400',
    'sendMessage ok',
    'sendMessage ok',
  ]);
  const texts = fake.control.messagesTo(CHAT).map((m) => m.text ?? '');
  expect(texts.at(-1)).toHaveLength(`🛒 <b>Новый заказ</b>\n`.length + 1100);
});

it('answers blocked on 403 and retry with Telegram’s retry_after on 429', async () => {
  const id = await pendingNotification();
  fake.control.blockChat(CHAT);
  const body = delivery([id]);
  expect((await handle(body, sign(SECRET, body))).body).toEqual({ status: 'blocked' });
  expect(await statusOf(id)).toBe('pending');
  fake.control.unblockChat(CHAT);

  // A strict Telegram and a bot told it may go faster: Telegram's 429 comes back as "retry".
  await fake.close();
  fake = await startTelegramFake({ tokens: [TOKEN], limits: { perChatPerSecond: 1 } });
  await telegram.stop();
  const adapter = createTelegrafBot({ token: TOKEN, apiRoot: fake.url, onUpdate: async () => {}, onError: () => {} });
  telegram = throttleTelegram(adapter.port, { perChatPerSecond: 1000, globalPerSecond: 1000 });
  handle = createNotificationEndpoint({ pool, telegram, secret: SECRET, logger, metrics: createMetrics('bot-test') });
  const two = delivery(
    [id],
    [message({ photoUrl: null, text: 'первое' }), message({ photoUrl: null, text: 'второе' })],
  );
  expect((await handle(two, sign(SECRET, two))).body).toEqual({ status: 'retry', retryAfter: 1 });
  expect(await statusOf(id)).toBe('pending');
  // The retry does not repeat the part Telegram already took.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const retried = delivery(
    [id],
    [message({ photoUrl: null, text: 'первое' }), message({ photoUrl: null, text: 'второе' })],
  );
  expect((await handle(retried, sign(SECRET, retried))).body).toEqual({ status: 'sent' });
  expect(fake.control.messagesTo(CHAT).map((m) => m.text)).toEqual(['первое', 'второе']);
  expect(await statusOf(id)).toBe('sent');
});

it('answers retry instead of queueing when the chat is already busy for long', async () => {
  await telegram.stop();
  const adapter = createTelegrafBot({ token: TOKEN, apiRoot: fake.url, onUpdate: async () => {}, onError: () => {} });
  telegram = throttleTelegram(adapter.port);
  handle = createNotificationEndpoint({
    pool,
    telegram,
    secret: SECRET,
    logger,
    metrics: createMetrics('bot-test'),
    maxQueueWaitMs: 1_500,
  });
  const ids = await Promise.all([1, 2, 3, 4].map(() => pendingNotification()));
  const answers = await Promise.all(
    ids.map((id) => {
      const body = delivery([id], [message({ photoUrl: null, text: `заказ ${id}` })]);
      return handle(body, sign(SECRET, body));
    }),
  );
  const statuses = answers.map((answer) => (answer.body as { status: string }).status);
  expect(statuses.filter((status) => status === 'sent').length).toBeGreaterThanOrEqual(2);
  expect(statuses).toContain('retry');
  expect(fake.control.calls().filter((call) => !call.response.ok)).toEqual([]);
});

it('sends again, marked in doubt, when it cannot know whether Telegram took a message; not when Telegram refused it', async () => {
  const road = await roadToTelegram(() => fake.url);
  await telegram.stop();
  const endpointVia = () => {
    const adapter = createTelegrafBot({ token: TOKEN, apiRoot: road.url, onUpdate: async () => {}, onError: () => {} });
    telegram = throttleTelegram(adapter.port, { perChatPerSecond: 1000, globalPerSecond: 1000 });
    metrics = createMetrics('bot-test');
    return createNotificationEndpoint({ pool, telegram, secret: SECRET, logger, metrics });
  };
  try {
    let endpoint = endpointVia();
    const post = async (id: string) => {
      const body = delivery([id], [message({ photoUrl: null, text: `заказ ${id}` })]);
      return (await endpoint(body, sign(SECRET, body))).body;
    };
    const textsTo = (id: string) => fake.control.messagesTo(CHAT).filter((m) => m.text === `заказ ${id}`);

    // Telegram takes the message, the answer is lost: the bot cannot know, says it failed, and
    // the worker's retry sends it again (at least once) with the rows marked in doubt.
    const lostAnswer = await pendingNotification();
    road.mode = 'drop';
    expect(await post(lostAnswer)).toMatchObject({ error: 'telegram_failed' });
    expect(textsTo(lostAnswer)).toHaveLength(1);
    road.mode = 'pass';
    // A retry refused by Telegram does not make it a second doubt: counted once, warned once.
    fake.control.blockChat(CHAT);
    expect(await post(lostAnswer)).toEqual({ status: 'blocked' });
    fake.control.unblockChat(CHAT);
    expect(await post(lostAnswer)).toEqual({ status: 'sent' });
    expect(textsTo(lostAnswer)).toHaveLength(2);
    expect(await rowOf(lostAnswer)).toEqual({ status: 'sent', in_doubt: true });
    expect(await metrics.registry.metrics()).toMatch(/wb_notifications_total\{[^}]*status="in_doubt"[^}]*\} 1\n/);

    // The same after the bot was killed mid-send: a new process has no memory, the row does.
    const killed = await pendingNotification();
    road.mode = 'drop';
    await post(killed);
    await telegram.stop();
    endpoint = endpointVia();
    road.mode = 'pass';
    expect(await post(killed)).toEqual({ status: 'sent' });
    expect(await rowOf(killed)).toEqual({ status: 'sent', in_doubt: true });

    // A refusal is an answer: nothing reached the chat, and the retry by a new process is no doubt.
    const refused = await pendingNotification();
    fake.control.blockChat(CHAT);
    expect(await post(refused)).toEqual({ status: 'blocked' });
    fake.control.unblockChat(CHAT);
    await telegram.stop();
    endpoint = endpointVia();
    expect(await post(refused)).toEqual({ status: 'sent' });
    expect(textsTo(refused)).toHaveLength(1);
    expect(await rowOf(refused)).toEqual({ status: 'sent', in_doubt: false });
  } finally {
    await road.close();
  }
});
