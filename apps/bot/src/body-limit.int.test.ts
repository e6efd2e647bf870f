import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { BOT_NOTIFY_PATH, MAX_DELIVERY_BYTES, SIGNATURE_HEADER, sign, type BotDelivery } from '@wb-assist/delivery';
import { postChunked } from '@wb-assist/http/testing';
import { startLoneBot, type LoneBot } from './testing/lone-bot.ts';
import { textOf, waitFor } from './testing/system.ts';

// The bot's notification endpoint over real HTTP: a body over its limit is answered 413 (not a
// dropped connection the worker can only guess at), and the bot keeps serving.

const SECRET = randomBytes(16).toString('hex');
const CHAT = 5_500_001;
const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
let lone: LoneBot;
let endpoint: string;

beforeAll(async () => {
  lone = await startLoneBot({ INTERNAL_WEBHOOK_SECRET: SECRET });
  endpoint = `http://127.0.0.1:${lone.bot.port}${BOT_NOTIFY_PATH}`;
});
afterAll(async () => {
  await lone.stop();
  await pool.end();
});

/** A notification waiting for delivery to CHAT, as the worker's sync leaves it. */
async function pendingNotification(): Promise<{ userId: string; id: string }> {
  const { rows: users } = await pool.query<{ id: string }>(
    `INSERT INTO users (telegram_id) VALUES ($1) ON CONFLICT (telegram_id) DO UPDATE SET telegram_id = EXCLUDED.telegram_id RETURNING id`,
    [CHAT],
  );
  const { rows: cabinets } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES ('s-1', 'ИП Тест', 'x', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
  );
  const key = `${cabinets[0]!.id}:new_order:srid-1`;
  const { rows: events } = await pool.query<{ id: string }>(
    `INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload) VALUES ($1, 'new_order', $2, now(), '{}') RETURNING id`,
    [cabinets[0]!.id, key],
  );
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at)
     VALUES ($1, $2, $3, $4, 'new_order', now()) RETURNING id::text`,
    [users[0]!.id, cabinets[0]!.id, events[0]!.id, key],
  );
  return { userId: users[0]!.id, id: rows[0]!.id };
}

it('answers 413 to a body over the limit, by its length or as it streams in, and delivers the next one', async () => {
  const tooLarge = { error: 'too_large', message: expect.stringMatching(/1 MB/) as unknown };
  const oversized = JSON.stringify({ padding: 'x'.repeat(MAX_DELIVERY_BYTES) });
  const declared = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(SECRET, oversized) },
    body: oversized,
  });
  expect(declared.status).toBe(413);
  expect(declared.headers.get('connection')).toBe('close');
  expect(await declared.json()).toEqual(tooLarge);

  const streamed = await postChunked(endpoint, [
    '{"padding":"',
    ...Array.from({ length: 20 }, () => 'x'.repeat(64 * 1024)),
    '"}',
  ]);
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body)).toEqual(tooLarge);

  const { userId, id } = await pendingNotification();
  const delivery: BotDelivery = {
    attemptId: randomUUID(),
    notificationIds: [id],
    userId,
    chatId: String(CHAT),
    messages: [{ text: '🛒 <b>Новый заказ</b>', photoUrl: null, parseMode: 'HTML', buttons: [] }],
    events: [{ type: 'new_order', eventKey: 'k', cabinetId: '1', occurredAt: new Date().toISOString(), payload: {} }],
  };
  const body = JSON.stringify(delivery);
  const next = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(SECRET, body) },
    body,
  });
  expect(await next.json()).toEqual({ status: 'sent' });
  await waitFor('the notification in the chat', () =>
    lone.telegram.control.messagesTo(CHAT).some((message) => textOf(message).includes('Новый заказ'))
      ? true
      : undefined,
  );
});
