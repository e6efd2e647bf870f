import http from 'node:http';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';
import { deliverDue } from './deliver-due.ts';
import { releaseHeldOf } from './history/index.ts';
import { ReplayGuard } from './replay-guard.ts';
import { SIGNATURE_HEADER, verify } from './signature.ts';
import { MAX_DELIVERY_BYTES, type BotAnswer, type BotDelivery, type NotificationType, type Renderer } from './types.ts';

const SECRET = 'test-secret-test-secret-test-secret';
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });

/** A stand-in for the bot: checks the signature, refuses replays, records what arrives, answers as told. */
const guard = new ReplayGuard();
const bot = {
  received: [] as BotDelivery[],
  lastRequest: { body: '', signature: '' },
  answer: (): BotAnswer | 'down' => ({ status: 'sent' }),
  server: http.createServer((req, res) => {
    // Read whole, then decoded: a Russian character split between two network chunks stays whole.
    void text(req).then((body) => {
      // The real bot's limit (apps/bot/src/server.ts).
      if (Buffer.byteLength(body) > MAX_DELIVERY_BYTES) return void res.writeHead(413).end('too large');
      const signature = req.headers[SIGNATURE_HEADER] as string | undefined;
      const verdict = verify(SECRET, body, signature);
      if (!verdict.ok) return void res.writeHead(401).end(verdict.reason);
      if (!guard.accept(verdict.signature)) return void res.writeHead(409).end('replayed');
      bot.lastRequest = { body, signature: signature ?? '' };
      const answer = bot.answer();
      if (answer === 'down') return void res.writeHead(503).end('down');
      bot.received.push(JSON.parse(body) as BotDelivery);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  }),
  url: '',
};
const render: Renderer = (events, { digest }) => [
  {
    text: `${digest ? 'digest:' : ''}${events.map((event) => `${event.type}:${String(event.payload.n)}`).join(',')}`,
    photoUrl: null,
    parseMode: 'HTML',
    buttons: [],
  },
];
const deliver = () => deliverDue({ pool, endpoint: bot.url, secret: SECRET, render, maxAttempts: 3 });

beforeAll(async () => {
  await new Promise<void>((resolve) => bot.server.listen(0, '127.0.0.1', resolve));
  bot.url = `http://127.0.0.1:${(bot.server.address() as { port: number }).port}/notify`;
});
afterAll(async () => {
  await pool.end();
  await new Promise((resolve) => bot.server.close(resolve));
});
beforeEach(() => {
  bot.received = [];
  bot.answer = () => ({ status: 'sent' });
});

let sequence = 0;

async function cabinetWithUsers(count: number) {
  sequence += 1;
  const { rows: cabinets } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES ($1, 'ИП Тест', 'v1:x:y:z', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
    [`seller-${sequence}-${Date.now()}`],
  );
  const cabinetId = cabinets[0]!.id;
  const users: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { rows } = await pool.query<{ id: string }>('INSERT INTO users (telegram_id) VALUES ($1) RETURNING id', [
      sequence * 1000 + i,
    ]);
    users.push(rows[0]!.id);
    await pool.query('INSERT INTO cabinet_users (cabinet_id, user_id) VALUES ($1, $2)', [cabinetId, rows[0]!.id]);
    await pool.query('INSERT INTO notification_settings (user_id, cabinet_id) VALUES ($1, $2)', [
      rows[0]!.id,
      cabinetId,
    ]);
  }
  const { rows: logs } = await pool.query<{ id: string }>(
    `INSERT INTO wb_sync_logs (cabinet_id, kind) VALUES ($1, 'periodic') RETURNING id`,
    [cabinetId],
  );
  return { cabinetId, users, syncLogId: logs[0]!.id };
}

/**
 * An event fanned out to every member, as the sync writes it, due at once. In this file "due now"
 * is always written a second back (here and in the tests' UPDATEs): timestamptz(3) rounds now()
 * to the millisecond, which can put it a fraction of a millisecond after the next statement's
 * now(), and deliverDue right after would find nothing due (it happened in CI).
 */
async function event(cabinetId: string, syncLogId: string | null, type: NotificationType, n: number, minutesAgo = 0) {
  await pool.query(
    `WITH o AS (
       INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload, sync_log_id, fanned_out_at)
       VALUES ($1, $2, $3, now() - $5 * interval '1 minute', $4, $6, now()) RETURNING id, type, event_key, occurred_at)
     INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at, next_attempt_at)
     SELECT m.user_id, $1, o.id, o.event_key, o.type, o.occurred_at, now() - interval '1 second'
     FROM o CROSS JOIN cabinet_users m WHERE m.cabinet_id = $1`,
    [
      cabinetId,
      type,
      `${cabinetId}:${type}:${n}`,
      JSON.stringify({ ...SAMPLE_PAYLOADS[type], n }),
      minutesAgo,
      syncLogId,
    ],
  );
}

const statuses = async (cabinetId: string) =>
  (
    await pool.query<{ user_id: string; status: string; reason: string | null }>(
      'SELECT user_id, status, reason FROM notification_history WHERE cabinet_id = $1 ORDER BY id',
      [cabinetId],
    )
  ).rows;

async function drain() {
  while ((await deliver()) > 0) {
    // until nothing is left to settle
  }
}

describe('deliverDue', () => {
  it('signs so that the receiver refuses a tampered body and a replayed request', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'new_order', 1);
    await drain();
    expect(bot.received).toHaveLength(1);
    const { body, signature } = bot.lastRequest;
    const send = (payload: string) =>
      fetch(bot.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
        body: payload,
      });
    expect((await send(body)).status).toBe(409);
    expect((await send(body.replace('new_order', 'cancellation'))).status).toBe(401);
    expect(bot.received).toHaveLength(1);
  });

  it('sends each user their own signed message and records it as sent', async () => {
    const { cabinetId, users } = await cabinetWithUsers(2);
    await event(
      cabinetId,
      (await pool.query(`SELECT id FROM wb_sync_logs WHERE cabinet_id = $1`, [cabinetId])).rows[0].id,
      'new_order',
      1,
    );
    await drain();
    expect(bot.received.map((delivery) => delivery.userId).sort()).toEqual([...users].sort());
    expect(bot.received[0]?.messages[0]?.text).toBe('new_order:1');
    expect((await statuses(cabinetId)).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('applies the settings as they are at delivery time, with the reason', async () => {
    const { cabinetId, users, syncLogId } = await cabinetWithUsers(2);
    await event(cabinetId, syncLogId, 'cancellation', 1);
    await pool.query('UPDATE notification_settings SET order_cancellations_enabled = false WHERE user_id = $1', [
      users[0],
    ]);
    await pool.query('UPDATE notification_settings SET notifications_enabled = false WHERE user_id = $1', [users[1]]);
    await drain();
    expect(bot.received).toEqual([]);
    expect((await statuses(cabinetId)).map((row) => row.reason).sort()).toEqual([
      'notifications_disabled',
      'type_disabled:cancellation',
    ]);
  });

  it('keeps retrying while the bot is down, then delivers everything in event order', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'new_order', 1, 3);
    await event(cabinetId, syncLogId, 'cancellation', 1, 2);
    await event(cabinetId, syncLogId, 'new_order', 2, 1);
    bot.answer = () => 'down';
    await deliver();
    expect((await statuses(cabinetId)).map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    const { rows } = await pool.query<{ last_error: string }>(
      'SELECT last_error FROM notification_history WHERE cabinet_id = $1 AND attempts = 1',
      [cabinetId],
    );
    expect(rows[0]?.last_error).toMatch(/bot answered 503/);

    bot.answer = () => ({ status: 'sent' });
    await pool.query(
      `UPDATE notification_history SET next_attempt_at = now() - interval '1 second' WHERE cabinet_id = $1`,
      [cabinetId],
    );
    await drain();
    expect(bot.received.map((delivery) => delivery.messages[0]?.text)).toEqual([
      'new_order:1',
      'cancellation:1',
      'new_order:2',
    ]);
  });

  it('marks the user inactive when they blocked the bot and sends them nothing more', async () => {
    const { cabinetId, users, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'new_order', 1, 2);
    await event(cabinetId, syncLogId, 'buyout', 2, 1);
    bot.answer = () => ({ status: 'blocked' });
    await drain();
    // The first reached the bot, which found the chat blocked; the second was never sent.
    expect(bot.received.map((delivery) => delivery.messages[0]?.text)).toEqual(['new_order:1']);
    expect(await statuses(cabinetId)).toEqual([
      { user_id: users[0], status: 'failed', reason: 'user_blocked_bot' },
      { user_id: users[0], status: 'suppressed', reason: 'user_blocked_bot' },
    ]);
    const { rows } = await pool.query<{ is_active: boolean }>('SELECT is_active FROM users WHERE id = $1', [users[0]]);
    expect(rows[0]?.is_active).toBe(false);
  });

  it('waits as long as the bot asks after a Telegram 429', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'return', 1);
    bot.answer = () => ({ status: 'retry', retryAfter: 30 });
    await deliver();
    const { rows } = await pool.query<{ wait: number; status: string }>(
      `SELECT EXTRACT(EPOCH FROM next_attempt_at - now()) AS wait, status FROM notification_history WHERE cabinet_id = $1`,
      [cabinetId],
    );
    expect(rows[0]?.status).toBe('pending');
    expect(Number(rows[0]?.wait)).toBeGreaterThan(25);
  });

  it('gives up after the last attempt and keeps the error', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'new_order', 1);
    bot.answer = () => 'down';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await deliver();
      await pool.query(
        `UPDATE notification_history SET next_attempt_at = now() - interval '1 second' WHERE cabinet_id = $1`,
        [cabinetId],
      );
    }
    expect(await statuses(cabinetId)).toEqual([
      expect.objectContaining({ status: 'failed', reason: 'bot_unreachable' }),
    ]);
  });

  it('groups a burst of more than five events of one type from one sync into one delivery', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    for (let n = 1; n <= 8; n += 1) await event(cabinetId, syncLogId, 'new_order', n, 10 - n);
    await event(cabinetId, syncLogId, 'buyout', 1, 0);
    await drain();
    expect(bot.received).toHaveLength(2);
    expect(bot.received[0]?.notificationIds).toHaveLength(8);
    expect(bot.received[0]?.messages[0]?.text).toBe(
      'new_order:1,new_order:2,new_order:3,new_order:4,new_order:5,new_order:6,new_order:7,new_order:8',
    );
    expect(bot.received[1]?.messages[0]?.text).toBe('buyout:1');
  });

  it('fails a payload its type does not accept on its own, and sends the rest of the burst', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    for (let n = 1; n <= 7; n += 1) await event(cabinetId, syncLogId, 'new_order', n, 10 - n);
    await pool.query(`UPDATE outbox_events SET payload = payload - 'nmId' WHERE event_key = $1`, [
      `${cabinetId}:new_order:3`,
    ]);
    await drain();
    expect(bot.received).toHaveLength(1);
    expect(bot.received[0]?.messages[0]?.text).toBe(
      'new_order:1,new_order:2,new_order:4,new_order:5,new_order:6,new_order:7',
    );
    const { rows } = await pool.query<{ event_key: string; status: string; reason: string | null }>(
      `SELECT event_key, status, reason FROM notification_history WHERE cabinet_id = $1 AND status <> 'sent'`,
      [cabinetId],
    );
    expect(rows).toEqual([{ event_key: `${cabinetId}:new_order:3`, status: 'failed', reason: 'bad_payload' }]);
  });

  it('fails the notifications a template cannot render instead of retrying them for ever', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    await event(cabinetId, syncLogId, 'buyout', 1);
    const settled = await deliverDue({
      pool,
      endpoint: bot.url,
      secret: SECRET,
      render: () => {
        throw new Error('template broke');
      },
    });
    expect(settled).toBe(1);
    expect(bot.received).toEqual([]);
    expect(await statuses(cabinetId)).toEqual([expect.objectContaining({ status: 'failed', reason: 'render_failed' })]);
  });

  it('sends a burst of 1,000 orders from one sync as grouped messages under the bot’s size limit, each order once and in order', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    // A real order row is about a kilobyte of JSON: 1,000 of them in one request would be over
    // the bot's limit, refused on every retry.
    await pool.query(
      `WITH o AS (
         INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload, sync_log_id, fanned_out_at)
         SELECT $1::uuid, 'new_order', $1::text || ':new_order:' || n, now() - (2000 - n) * interval '1 second',
                $3::jsonb || jsonb_build_object('n', n, 'row', repeat('з', 600)), $2, now()
         FROM generate_series(1, 1000) AS n RETURNING id, type, event_key, occurred_at)
       INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at)
       SELECT m.user_id, $1::uuid, o.id, o.event_key, o.type, o.occurred_at FROM o CROSS JOIN cabinet_users m WHERE m.cabinet_id = $1::uuid`,
      [cabinetId, syncLogId, JSON.stringify(SAMPLE_PAYLOADS.new_order)],
    );
    await drain();
    const sizes = bot.received.map((delivery) => delivery.notificationIds.length);
    expect(sizes).toEqual(Array.from({ length: 10 }, () => 100));
    const order = bot.received.flatMap((delivery) => delivery.events.map((e) => Number(e.eventKey.split(':').at(-1))));
    expect(order).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect((await statuses(cabinetId)).filter((row) => row.status === 'sent')).toHaveLength(1000);
  });

  it('groups a burst from one order-feed read (no sync log) by its transaction, and nothing beyond it', async () => {
    const { cabinetId } = await cabinetWithUsers(1);
    // One feed page: eight new orders written by one statement, so one transaction's time.
    await pool.query(
      `WITH o AS (
         INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload, sync_log_id, fanned_out_at)
         SELECT $1::uuid, 'new_order', $1::text || ':new_order:' || n, now() - (20 - n) * interval '1 second',
                $2::jsonb || jsonb_build_object('n', n), NULL, now()
         FROM generate_series(1, 8) AS n RETURNING id, type, event_key, occurred_at)
       INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at, next_attempt_at)
       SELECT m.user_id, $1::uuid, o.id, o.event_key, o.type, o.occurred_at, now() - interval '1 second'
       FROM o CROSS JOIN cabinet_users m WHERE m.cabinet_id = $1::uuid`,
      [cabinetId, JSON.stringify(SAMPLE_PAYLOADS.new_order)],
    );
    // The next read's order: a transaction of its own.
    await event(cabinetId, null, 'new_order', 9);
    await drain();
    expect(bot.received.map((delivery) => delivery.notificationIds.length)).toEqual([8, 1]);
  });

  it('cuts a burst just over the group size into even parts, with no small remainder sent one by one', async () => {
    const { cabinetId, syncLogId } = await cabinetWithUsers(1);
    for (let n = 1; n <= 103; n += 1) await event(cabinetId, syncLogId, 'buyout', n, 200 - n);
    await drain();
    expect(bot.received.map((delivery) => delivery.notificationIds.length)).toEqual([52, 51]);
  });

  it('quotes the cabinet’s stored orders of the event’s day in the user’s zone, and names that day when it is past', async () => {
    const { cabinetId, users, syncLogId } = await cabinetWithUsers(1);
    await pool.query(`UPDATE users SET time_zone = 'Asia/Vladivostok' WHERE id = $1`, [users[0]]);
    // Stored orders, none of them notified: two of the event's day (one cancelled), one of today.
    const order = (srid: string, hoursAgo: number, price: string, cancelled: boolean) =>
      pool.query(
        `INSERT INTO wb_orders (cabinet_id, srid, order_date, last_change_date, warehouse_name, supplier_article, nm_id,
           barcode, tech_size, total_price, discount_percent, spp, finished_price, price_with_disc, is_cancel, cancel_date)
         VALUES ($1, $2, now() - $3 * interval '1 hour', now(), 'Коледино', 'A', 1, 'b', '0', $4, 0, 0, $4, $4, $5,
           CASE WHEN $5 THEN now() END)`,
        [cabinetId, srid, hoursAgo, price, cancelled],
      );
    await order('past-1', 49, '100.00', false);
    await order('past-2', 49, '250.50', true);
    await order('today-1', 0, '999.00', false);
    const contexts: unknown[] = [];
    const capture: Renderer = (events) => {
      contexts.push(events.at(-1)?.context);
      return render(events, { timeZone: 'UTC' });
    };
    await event(cabinetId, syncLogId, 'new_order', 1, 49 * 60);
    while ((await deliverDue({ pool, endpoint: bot.url, secret: SECRET, render: capture })) > 0) {
      // until nothing is left
    }
    const { rows } = await pool.query<{ day: string }>(
      `SELECT to_char((now() - interval '49 hours') AT TIME ZONE 'Asia/Vladivostok', 'YYYY-MM-DD') AS day`,
    );
    // Both of that day's orders, the cancelled one's money included, as the count includes it.
    expect(contexts).toEqual([{ count: 2, amount: 350.5, day: rows[0]!.day, criticalSizes: 0 }]);
  });

  describe('quiet hours', () => {
    // 23:30 and 08:00 in Moscow; the window is 23:00–08:00.
    const night = new Date('2026-12-07T20:30:00Z');
    const morning = new Date('2026-12-08T05:00:00Z');
    const passAt = (now: Date) =>
      deliverDue({ pool, endpoint: bot.url, secret: SECRET, render, maxAttempts: 3, now: () => now });
    const drainAt = async (now: Date) => {
      while ((await passAt(now)) > 0) {
        // until nothing is left to settle
      }
    };
    const quiet = (userId: string, mode: 'silent' | 'digest') =>
      pool.query(
        `UPDATE users SET quiet_hours_mode = $2, quiet_hours_start = 1380, quiet_hours_end = 480 WHERE id = $1`,
        [userId, mode],
      );

    it('sends silently inside the window in silent mode, and with sound outside it', async () => {
      const { cabinetId, users, syncLogId } = await cabinetWithUsers(1);
      await quiet(users[0]!, 'silent');
      await event(cabinetId, syncLogId, 'new_order', 1);
      await drainAt(night);
      await event(cabinetId, syncLogId, 'new_order', 2);
      await drainAt(morning);
      expect(bot.received.map((delivery) => [delivery.messages[0]?.text, delivery.silent])).toEqual([
        ['new_order:1', true],
        ['new_order:2', undefined],
      ]);
    });

    it('holds in digest mode and releases one digest of every type at the end, applying switches turned off meanwhile', async () => {
      const { cabinetId, users, syncLogId } = await cabinetWithUsers(1);
      await quiet(users[0]!, 'digest');
      await event(cabinetId, syncLogId, 'new_order', 1, 3);
      await event(cabinetId, syncLogId, 'negative_review', 1, 2);
      await event(cabinetId, null, 'cancellation', 1, 1);
      await drainAt(night);
      expect(bot.received).toEqual([]);
      expect((await statuses(cabinetId)).map((row) => row.status)).toEqual(['held', 'held', 'held']);

      await pool.query('UPDATE notification_settings SET negative_reviews_enabled = false WHERE user_id = $1', [
        users[0],
      ]);
      await drainAt(new Date(morning.getTime() - 1));
      expect(bot.received).toEqual([]);
      await drainAt(morning);
      expect(bot.received.map((delivery) => [delivery.messages[0]?.text, delivery.silent])).toEqual([
        ['digest:new_order:1,cancellation:1', undefined],
      ]);
      expect((await statuses(cabinetId)).map((row) => [row.status, row.reason])).toEqual([
        ['sent', null],
        ['suppressed', 'type_disabled:negative_review'],
        ['sent', null],
      ]);
    });

    it('sends a digest let go at night (the user switched to silent) without sound', async () => {
      const { cabinetId, users, syncLogId } = await cabinetWithUsers(1);
      await quiet(users[0]!, 'digest');
      await event(cabinetId, syncLogId, 'new_order', 1);
      await drainAt(night);
      await quiet(users[0]!, 'silent');
      await releaseHeldOf(pool, users[0]!);
      await drainAt(night);
      expect(bot.received.map((delivery) => [delivery.messages[0]?.text, delivery.silent])).toEqual([
        ['digest:new_order:1', true],
      ]);
    });

    it('lets critical stock break through when the user asks, and holds it otherwise', async () => {
      const { cabinetId, users, syncLogId } = await cabinetWithUsers(2);
      await quiet(users[0]!, 'digest');
      await quiet(users[1]!, 'digest');
      await pool.query('UPDATE users SET quiet_hours_critical_stock = true WHERE id = $1', [users[0]]);
      await event(cabinetId, syncLogId, 'critical_stock', 1);
      await drainAt(night);
      expect(bot.received.map((delivery) => [delivery.userId, delivery.silent])).toEqual([[users[0], undefined]]);
      const held = await pool.query<{ user_id: string; status: string }>(
        `SELECT user_id, status::text FROM notification_history WHERE cabinet_id = $1 AND status = 'held'`,
        [cabinetId],
      );
      expect(held.rows).toEqual([{ user_id: users[1], status: 'held' }]);
    });
  });
});
