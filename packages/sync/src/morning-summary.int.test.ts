import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { sendDueSummaries } from './morning-summary/send-due-summaries.ts';
import { createHarness, type Harness } from './testing/harness.ts';

// The morning summary against the emulator's frozen clock, moved by the test across days (and a
// DST change): the schedule is read at the clock the test gives, as the worker's loop reads its own.

const WEB = 'https://dash.example';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(testDatabaseUrl(), {
    frozenClock: true,
    rateLimits: false,
    startAt: Date.parse('2026-10-19T05:00:00Z'),
  });
});
afterAll(() => h.close());

const tick = (at: string | number) => sendDueSummaries({ pool: h.pool, now: new Date(at), webUrl: WEB, limit: 1_000 });

async function summaries(cabinetId: string) {
  return h.query<{ event_key: string; occurred_at: Date; payload: Record<string, unknown>; sent_to: string[] }>(
    `SELECT e.event_key, e.occurred_at, e.payload, array_agg(n.user_id::text) AS sent_to
     FROM outbox_events e JOIN notification_history n ON n.outbox_event_id = e.id
     WHERE e.cabinet_id = $1 AND e.type = 'morning_summary' GROUP BY e.id ORDER BY e.id`,
    [cabinetId],
  );
}

/** A seller with a connected, synced cabinet, at the emulator time `at`. */
async function shop(at: string) {
  await h.emulator.control.setClock(at);
  const seller = await h.emulator.control.createSeller({ products: 2, initialStock: 40, historyDays: 0 });
  return h.connect({ sid: seller.sid });
}

async function syncAt(cabinetId: string, at: string, kind: 'initial' | 'periodic' = 'periodic') {
  await h.emulator.control.setClock(at);
  const now = new Date(at);
  await h.sync(cabinetId, { kind, now: () => now });
}

describe('morning summary', () => {
  it('arrives once at 09:00 Moscow with yesterday against the same weekday a week before', async () => {
    const { seller, user, cabinetId } = await shop('2026-10-21T04:00:00Z');
    const product = seller.products[0]!;
    const chrtId = product.sizes[0]!.chrtId;
    // Tuesday 20.10 (Moscow): three orders, one cancelled, one bought out; Tuesday 13.10: one order.
    const placed = [];
    for (const hour of ['08', '09', '10']) {
      placed.push(await h.emulator.control.addOrder(seller.sid, { chrtId, at: `2026-10-20T${hour}:00:00Z` }));
    }
    await h.emulator.control.cancelOrder(seller.sid, placed[0]!.srid, { at: '2026-10-20T12:00:00Z' });
    await h.emulator.control.buyOut(seller.sid, placed[1]!.srid, { at: '2026-10-20T15:00:00Z' });
    await h.emulator.control.addOrder(seller.sid, { chrtId, at: '2026-10-13T09:00:00Z' });
    await h.emulator.control.addReview(seller.sid, { nmId: product.nmId, valuation: 2, at: '2026-10-20T16:00:00Z' });
    await syncAt(cabinetId, '2026-10-21T04:00:00Z', 'initial');

    // 07:00 Moscow: the user is scheduled, not sent to.
    await tick('2026-10-21T04:00:00Z');
    await tick('2026-10-21T05:59:59Z');
    expect(await summaries(cabinetId)).toEqual([]);

    await tick('2026-10-21T06:00:00Z');
    await tick('2026-10-21T06:00:30Z');
    await tick('2026-10-21T09:00:00Z');
    const [summary, ...more] = await summaries(cabinetId);
    expect(more).toEqual([]);
    expect(summary!.sent_to).toEqual([user.id]);
    expect(summary!.occurred_at.toISOString()).toBe('2026-10-21T06:00:00.000Z');
    expect(summary!.payload).toMatchObject({
      day: '2026-10-20',
      weekAgo: '2026-10-13',
      unansweredNegative: 1,
      buyoutRate: 100,
      detailsUrl: `${WEB}/?cabinet=${cabinetId}&day=2026-10-20`,
    });
    const figures = summary!.payload.figures as { kind: string; count: number; weekAgoCount: number }[];
    expect(figures.map(({ kind, count, weekAgoCount }) => [kind, count, weekAgoCount])).toEqual([
      ['orders', 3, 1],
      ['buyouts', 1, 0],
      ['cancellations', 1, 0],
      ['returns', 0, 0],
    ]);
    expect(summary!.payload.topProducts).toMatchObject([{ nmId: product.nmId, count: 3 }]);

    // The next morning: the next day's summary, once.
    await syncAt(cabinetId, '2026-10-22T05:00:00Z');
    await tick('2026-10-22T05:59:00Z');
    await tick('2026-10-22T06:00:00Z');
    await tick('2026-10-22T06:01:00Z');
    expect((await summaries(cabinetId)).map((s) => s.payload.day)).toEqual(['2026-10-20', '2026-10-21']);
  });

  it('follows 09:00 in Berlin across the end of summer time', async () => {
    const { user, cabinetId } = await shop('2026-10-24T05:00:00Z');
    await syncAt(cabinetId, '2026-10-24T05:00:00Z', 'initial');
    await h.query(`UPDATE users SET time_zone = 'Europe/Berlin', next_summary_at = NULL WHERE id = $1`, [user.id]);
    await tick('2026-10-24T05:00:00Z');
    // Saturday 09:00 CEST is 07:00 UTC.
    await tick('2026-10-24T06:59:00Z');
    expect(await summaries(cabinetId)).toEqual([]);
    await tick('2026-10-24T07:00:00Z');
    // Sunday 25.10 the clocks go back at 03:00: 09:00 CET is 08:00 UTC, 07:00 UTC is only 08:00.
    await tick('2026-10-25T07:00:00Z');
    await tick('2026-10-25T07:59:00Z');
    expect(await summaries(cabinetId)).toHaveLength(1);
    await tick('2026-10-25T08:00:00Z');
    await tick('2026-10-25T08:00:40Z');
    await tick('2026-10-26T07:30:00Z');
    const sent = await summaries(cabinetId);
    expect(sent.map((s) => [s.occurred_at.toISOString(), s.payload.day])).toEqual([
      ['2026-10-24T07:00:00.000Z', '2026-10-23'],
      ['2026-10-25T08:00:00.000Z', '2026-10-24'],
    ]);
    const [{ next }] = (await h.query<{ next: Date }>(`SELECT next_summary_at AS next FROM users WHERE id = $1`, [
      user.id,
    ])) as [{ next: Date }];
    expect(next.toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('after three days of downtime, catches up with one summary, not three', async () => {
    const { user, cabinetId } = await shop('2026-11-02T05:00:00Z');
    await syncAt(cabinetId, '2026-11-02T05:00:00Z', 'initial');
    await tick('2026-11-02T05:00:00Z');
    // Down from before 09:00 on the 2nd until noon on the 5th.
    await tick('2026-11-05T09:00:00Z');
    await tick('2026-11-05T09:00:00Z');
    const sent = await summaries(cabinetId);
    expect(sent.map((s) => s.payload.day)).toEqual(['2026-11-04']);
    expect(sent[0]!.occurred_at.toISOString()).toBe('2026-11-05T06:00:00.000Z');
    const [row] = await h.query<{ next: Date }>(`SELECT next_summary_at AS next FROM users WHERE id = $1`, [user.id]);
    expect(row!.next.toISOString()).toBe('2026-11-06T06:00:00.000Z');
  });

  it('two workers at the scheduled minute send it once; a switched-off summary is not sent', async () => {
    const first = await shop('2026-11-10T05:00:00Z');
    const second = await shop('2026-11-10T05:00:00Z');
    for (const { cabinetId } of [first, second]) await syncAt(cabinetId, '2026-11-10T05:00:00Z', 'initial');
    await h.query(
      `UPDATE notification_settings SET morning_summary_enabled = false WHERE user_id = $1 AND cabinet_id = $2`,
      [second.user.id, second.cabinetId],
    );
    await tick('2026-11-10T05:00:00Z');
    await Promise.all([tick('2026-11-10T06:00:00Z'), tick('2026-11-10T06:00:00Z'), tick('2026-11-10T06:00:01Z')]);
    expect(await summaries(first.cabinetId)).toHaveLength(1);
    expect(await summaries(second.cabinetId)).toEqual([]);
  });
});
