import type pg from 'pg';
import { inTransaction } from '@wb-assist/db';
import { addCounts, emptyCounts, type FeedContext, type SourceCounts } from '../context.ts';
import { orderFeedEvents, type OrderFeedChange } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import type { FeedCard, OrderFeedRow } from '../events/payloads.ts';
import { bulkUpsert, bulkUpsertDetailed } from '../store/bulk-upsert.ts';
import { DETAIL_SQL, lastByKey, orderFeedRecord, SQL } from '../store/tables.ts';
import { saveWatermark } from '../store/watermarks.ts';

/** WB keeps the feed for 31 days; a period starting earlier is refused. */
const FEED_DAYS = 30;
/**
 * The period's end lies ahead of our clock: WB filters by status time, and a clock running
 * behind WB's (ours, or an emulator moved forward in a test) must not hide the newest changes.
 * The snapshot bounds what one read sees anyway.
 */
const END_AHEAD_MS = 86_400_000;

/**
 * Where to read from: the watermark (the last snapshot read to its end) minus the lookback,
 * never more than WB keeps. Without a watermark, the lookback alone: the first read only
 * records the state that later reads compare against, so history is no concern of the feed
 * (statistics' initial sync holds it).
 */
export function orderFeedPeriod(context: FeedContext): { start: Date; end: Date } {
  const now = context.now.getTime();
  const lookbackMs = context.settings.lookbackMinutes * 60_000;
  const from = (context.watermark?.watermark?.getTime() ?? now) - lookbackMs;
  return { start: new Date(Math.max(from, now - FEED_DAYS * 86_400_000)), end: new Date(now + END_AHEAD_MS) };
}

/**
 * One read of the real-time order feed: every page of one snapshot, each stored with its
 * events in one transaction; the watermark moves to the snapshot with the last page only, since
 * the pages come newest first and a read cut short must be read again from where it started.
 * The first read of a cabinet stores and notifies nothing; statistics go on covering the same
 * facts, and whichever source sees a fact first notifies it (see orderFeedEvents).
 */
export async function syncOrderFeed(context: FeedContext): Promise<SourceCounts> {
  const counts = emptyCounts();
  const period = orderFeedPeriod(context);
  const silent = context.kind === 'initial' || !context.watermark?.watermark;
  // The first read starts from our clock, later reads from WB's snapshot: with our clock ahead
  // of WB's, the next read would start earlier than this one did and meet the status changes in
  // between for the first time, hours old (a lookback ago) and held by statistics' initial sync,
  // yet notified as new. Its watermark is therefore never behind the `now` it started from, so
  // every later read starts where the first one did or after (the watermark only moves forward).
  const feedWatermark = (snapshotAt: Date) =>
    silent && context.now.getTime() > snapshotAt.getTime() ? context.now : snapshotAt;
  for await (const page of context.client.orderFeed(period)) {
    context.signal.throwIfAborted();
    counts.fetched += page.rows.length + page.bad.length;
    counts.skipped += page.bad.length;
    context.reportBadRows(page.bad);
    // In srid order: two reads of one cabinet that overlap (a read slower than the interval, or
    // two processes) then lock the same rows in the same order and wait, not deadlock.
    const records = lastByKey(page.rows, (row) => row.srid)
      .sort((a, b) => (a.srid < b.srid ? -1 : a.srid > b.srid ? 1 : 0))
      .map(orderFeedRecord);
    const result = await inTransaction(context.pool, async (client) => {
      let stored;
      if (silent) {
        stored = await bulkUpsert(client, SQL.orderFeed, context.cabinetId, records);
      } else {
        const detailed = await bulkUpsertDetailed(client, DETAIL_SQL.orderFeed, context.cabinetId, records);
        const rows = detailed.rows as unknown as OrderFeedChange[];
        const srids = rows.map((row) => row.srid);
        const events = orderFeedEvents(rows, {
          knownSrids: await knownSrids(client, context.cabinetId, srids),
          windowStart: period.start,
          cardOf: await cardsOf(client, context.cabinetId, rows),
        });
        context.events.created += await writeEvents(client, context.cabinetId, context.syncLogId, events);
        stored = detailed.counts;
      }
      if (page.last) await saveWatermark(client, context.cabinetId, 'order_feed', feedWatermark(page.snapshotAt));
      return stored;
    });
    addCounts(counts, result);
  }
  return counts;
}

/** The srids statistics already hold: their orders were notified (or recorded) from there. */
async function knownSrids(client: pg.ClientBase, cabinetId: string, srids: string[]): Promise<Set<string>> {
  if (srids.length === 0) return new Set();
  const { rows } = await client.query<{ srid: string }>(
    'SELECT srid FROM wb_orders WHERE cabinet_id = $1 AND srid = ANY($2::text[])',
    [cabinetId, srids],
  );
  return new Set(rows.map((row) => row.srid));
}

interface CardRow {
  nm_id: number;
  vendor_code: string;
  brand: string | null;
  subject_name: string | null;
  sizes: { chrtID?: number; techSize?: string; skus?: string[] }[] | null;
}

/**
 * The feed names a product by nmId and a size by chrtId only: the article, brand, subject, size
 * and barcode come from the synced card (null while the card is not synced).
 */
async function cardsOf(
  client: pg.ClientBase,
  cabinetId: string,
  rows: OrderFeedRow[],
): Promise<(row: OrderFeedRow) => FeedCard | null> {
  const nmIds = [...new Set(rows.map((row) => row.nm_id))];
  const { rows: cards } =
    nmIds.length === 0
      ? { rows: [] as CardRow[] }
      : await client.query<CardRow>(
          `SELECT nm_id, vendor_code, brand, subject_name, sizes FROM wb_products
           WHERE cabinet_id = $1 AND nm_id = ANY($2::int[])`,
          [cabinetId, nmIds],
        );
  const byNmId = new Map(cards.map((card) => [card.nm_id, card]));
  return (row) => {
    const card = byNmId.get(row.nm_id);
    if (!card) return null;
    const size = card.sizes?.find((entry) => row.chrt_id !== null && String(entry.chrtID) === row.chrt_id);
    return {
      vendorCode: card.vendor_code,
      brand: card.brand,
      subject: card.subject_name,
      techSize: size?.techSize ?? null,
      barcode: size?.skus?.[0] ?? null,
    };
  };
}
