import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient, inTransaction } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import {
  claimDue,
  hold,
  markFailed,
  markInDoubt,
  markSending,
  markSent,
  readSendState,
  releaseHeld,
  releaseSending,
  reschedule,
  suppress,
  suppressForMember,
} from './index.ts';

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 3 });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 1 });
afterAll(async () => {
  await pool.end();
  await prisma.$disconnect();
});

let sequence = 0;

/** A cabinet with one member and `count` pending notifications of theirs, oldest first, all due. */
async function queue(count: number) {
  sequence += 1;
  const { rows: cabinets } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES ($1, 'ИП Тест', 'v1:x:y:z', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
    [`history-${sequence}-${Date.now()}`],
  );
  const cabinetId = cabinets[0]!.id;
  const { rows: users } = await pool.query<{ id: string }>('INSERT INTO users (telegram_id) VALUES ($1) RETURNING id', [
    7_700_000 + sequence,
  ]);
  const userId = users[0]!.id;
  await pool.query('INSERT INTO cabinet_users (cabinet_id, user_id) VALUES ($1, $2)', [cabinetId, userId]);
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const { rows } = await pool.query<{ id: string }>(
      `WITH o AS (
         INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload)
         VALUES ($1, 'new_order', $2, now() - interval '1 hour' + $3 * interval '1 minute', '{}') RETURNING id, event_key, occurred_at)
       INSERT INTO notification_history (user_id, cabinet_id, outbox_event_id, event_key, type, occurred_at, next_attempt_at)
       SELECT $4, $1, o.id, o.event_key, 'new_order', o.occurred_at, now() - interval '1 second' FROM o RETURNING id`,
      [cabinetId, `${cabinetId}:new_order:${n}`, n, userId],
    );
    ids.push(rows[0]!.id);
  }
  return { cabinetId, userId, ids };
}

async function rows(ids: string[]) {
  const { rows: found } = await pool.query<{
    id: string;
    status: string;
    reason: string | null;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
    sending: boolean;
    in_doubt: boolean;
    due_in_ms: number;
  }>(
    `SELECT id, status::text, reason, attempts, last_error, sent_at, sending_since IS NOT NULL AS sending, in_doubt,
            (EXTRACT(EPOCH FROM next_attempt_at - now()) * 1000)::float8 AS due_in_ms
     FROM notification_history WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [ids],
  );
  return found;
}

describe('the notification_history state machine', () => {
  it('claims only the oldest pending notification of a user, leased, and not twice', async () => {
    const { ids } = await queue(2);
    const claimed = (await claimDue(pool, { limit: 1000, leaseSeconds: 60 })).filter((row) => ids.includes(row.id));
    expect(claimed.map((row) => [row.id, row.attempts])).toEqual([[ids[0], 1]]);
    const again = await claimDue(pool, { limit: 1000, leaseSeconds: 60 });
    expect(again.map((row) => row.id)).not.toContain(ids[0]);
    expect(again.map((row) => row.id)).not.toContain(ids[1]);
    const [head] = await rows([ids[0]!]);
    expect(head!.due_in_ms).toBeGreaterThan(55_000);
  });

  it('reschedules a pending one, keeping the last error unless a new one is given', async () => {
    const { ids } = await queue(1);
    await reschedule(pool, ids, 5_000, 'bot answered 502');
    await reschedule(pool, ids, 30_000);
    const [row] = await rows(ids);
    expect(row).toMatchObject({ status: 'pending', last_error: 'bot answered 502' });
    expect(row!.due_in_ms).toBeGreaterThan(25_000);
    // timestamptz(3) rounds the stored instant to the millisecond, up by as much as half of one.
    expect(row!.due_in_ms).toBeLessThanOrEqual(30_001);
  });

  it('tracks the bot’s send: marked as it leaves, released when Telegram took nothing, in doubt when unknown', async () => {
    const { ids } = await queue(2);
    expect(await readSendState(pool, ids)).toEqual({ allSent: false, marked: false });
    await markSending(pool, ids);
    expect(await readSendState(pool, ids)).toEqual({ allSent: false, marked: true });
    await releaseSending(pool, ids);
    expect(await readSendState(pool, ids)).toEqual({ allSent: false, marked: false });
    await markSending(pool, ids);
    await markInDoubt(pool, ids);
    expect((await rows(ids)).map((row) => [row.sending, row.in_doubt])).toEqual([
      [true, true],
      [true, true],
    ]);
    await markSent(pool, ids);
    expect(await readSendState(pool, ids)).toEqual({ allSent: true, marked: false });
  });

  it('settles pending rows once: a late failure or suppression leaves a sent row sent', async () => {
    const { ids } = await queue(3);
    const [sent, failed, suppressed] = ids as [string, string, string];
    await markSent(pool, [sent]);
    const [first] = await rows([sent]);
    await markFailed(pool, [failed], 'bot_unreachable', 'timeout');
    await suppress(pool, [suppressed], 'notifications_disabled');
    // Late arrivals: the worker's give-up after the bot had sent, and its own "sent" after the bot's.
    await markFailed(pool, [sent], 'bot_unreachable', 'late');
    await suppress(pool, [sent, failed], 'type_disabled:new_order');
    await markSent(pool, [sent]);
    await reschedule(pool, ids, 60_000, 'late');

    const after = await rows(ids);
    expect(after.map((row) => [row.status, row.reason, row.last_error])).toEqual([
      ['sent', null, null],
      ['failed', 'bot_unreachable', 'timeout'],
      ['suppressed', 'notifications_disabled', null],
    ]);
    expect(after[0]!.sent_at).toEqual(first!.sent_at);
  });

  it('marks sent a row settled otherwise meanwhile: Telegram took the message', async () => {
    const { ids } = await queue(1);
    await markFailed(pool, ids, 'bot_unreachable', 'timeout');
    await markSent(pool, ids);
    expect((await rows(ids)).map((row) => [row.status, row.reason, row.last_error])).toEqual([['sent', null, null]]);
    expect((await rows(ids))[0]!.sent_at).toBeInstanceOf(Date);
  });

  it('suppresses a leaving member’s queue inside the caller’s transaction, Prisma’s or pg’s', async () => {
    const one = await queue(2);
    await markSent(pool, [one.ids[0]!]);
    await prisma.$transaction((tx) => suppressForMember(tx, one, 'left_cabinet'));
    expect((await rows(one.ids)).map((row) => [row.status, row.reason])).toEqual([
      ['sent', null],
      ['suppressed', 'left_cabinet'],
    ]);

    const two = await queue(1);
    await expect(
      inTransaction(pool, async (client) => {
        expect(await suppressForMember(client, two, 'left_cabinet')).toBe(1);
        throw new Error('the leave failed');
      }),
    ).rejects.toThrow('the leave failed');
    expect((await rows(two.ids)).map((row) => row.status)).toEqual(['pending']);
  });

  it('holds for quiet hours until the window ends, then releases once, due at once', async () => {
    const { ids } = await queue(2);
    const end = new Date(Date.now() + 3_600_000);
    await hold(pool, ids, end);
    expect((await rows(ids)).map((row) => row.status)).toEqual(['held', 'held']);
    const claimed = await claimDue(pool, { limit: 1000, leaseSeconds: 60 });
    expect(claimed.map((row) => row.id)).not.toContain(ids[0]);

    expect(await releaseHeld(pool, new Date(end.getTime() - 1))).toBe(0);
    expect(await releaseHeld(pool, end)).toBe(2);
    expect(await releaseHeld(pool, end)).toBe(0);
    const released = await rows(ids);
    expect(released.map((row) => row.status)).toEqual(['pending', 'pending']);
    expect(released.every((row) => row.due_in_ms <= 0)).toBe(true);
    const [head] = (await claimDue(pool, { limit: 1000, leaseSeconds: 60 })).filter((row) => ids.includes(row.id));
    expect(head).toMatchObject({ id: ids[0], held_at: expect.any(Date) });
  });

  it('suppresses a leaving member’s held notifications too', async () => {
    const member = await queue(1);
    await hold(pool, member.ids, new Date(Date.now() + 3_600_000));
    await prisma.$transaction((tx) => suppressForMember(tx, member, 'left_cabinet'));
    expect((await rows(member.ids)).map((row) => [row.status, row.reason])).toEqual([['suppressed', 'left_cabinet']]);
  });
});
