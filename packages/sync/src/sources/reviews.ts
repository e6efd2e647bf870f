import { addCounts, emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import { reviewEvents, type ReviewChange } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import { bulkUpsert, bulkUpsertDetailed } from '../store/bulk-upsert.ts';
import { DETAIL_SQL, lastByKey, reviewRecord, SQL } from '../store/tables.ts';
import { inTransaction } from '@wb-assist/db';
import { saveWatermark } from '../store/watermarks.ts';

/**
 * Reviews written since the watermark (minus the lookback), answered and unanswered alike:
 * WB lists them separately, and a review answered between two syncs is still new to us.
 */
export async function syncReviews(context: SourceContext): Promise<SourceCounts> {
  const counts = emptyCounts();
  const lookbackMs = context.settings.lookbackMinutes * 60_000;
  const start = context.watermark?.watermark
    ? new Date(context.watermark.watermark.getTime() - lookbackMs)
    : new Date(context.now.getTime() - context.settings.initialSyncDays * 86_400_000);
  const dateFrom = Math.floor(start.getTime() / 1000);
  for (const [index, isAnswered] of [false, true].entries()) {
    for await (const page of context.client.feedbacks({ isAnswered, dateFrom })) {
      context.signal.throwIfAborted();
      counts.fetched += page.rows.length + page.bad.length;
      counts.skipped += page.bad.length;
      context.reportBadRows(page.bad);
      if (page.rows.length === 0) continue;
      const latest = page.rows.reduce(
        (max, row) => (row.createdDate > max ? row.createdDate : max),
        page.rows[0]!.createdDate,
      );
      const result = await inTransaction(context.pool, async (client) => {
        const records = lastByKey(page.rows, (row) => row.id).map(reviewRecord);
        let stored;
        if (context.kind === 'initial') {
          stored = await bulkUpsert(client, SQL.reviews, context.cabinetId, records);
        } else {
          const detailed = await bulkUpsertDetailed(client, DETAIL_SQL.reviews, context.cabinetId, records);
          // DETAIL_SQL.reviews returns the columns ReviewChange names.
          const events = reviewEvents(detailed.rows as unknown as ReviewChange[]);
          context.events.created += await writeEvents(client, context.cabinetId, context.syncLogId, events);
          stored = detailed.counts;
        }
        await saveWatermark(client, context.cabinetId, 'reviews', latest);
        return stored;
      });
      addCounts(counts, result);
    }
    await context.progress((index + 1) / 2);
  }
  return counts;
}
