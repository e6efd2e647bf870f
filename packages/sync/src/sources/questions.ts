import { inTransaction } from '@wb-assist/db';
import { addCounts, emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import { questionEvents, type QuestionChange } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import { bulkUpsert, bulkUpsertDetailed } from '../store/bulk-upsert.ts';
import { DETAIL_SQL, lastByKey, questionRecord, SQL } from '../store/tables.ts';
import { saveWatermark } from '../store/watermarks.ts';

/**
 * Buyer questions asked since the watermark (minus the lookback), answered and unanswered
 * alike: WB lists them separately, and a question answered between two syncs is still new to
 * us. The same key category and bucket as reviews.
 */
export async function syncQuestions(context: SourceContext): Promise<SourceCounts> {
  const counts = emptyCounts();
  const lookbackMs = context.settings.lookbackMinutes * 60_000;
  const start = context.watermark?.watermark
    ? new Date(context.watermark.watermark.getTime() - lookbackMs)
    : new Date(context.now.getTime() - context.settings.initialSyncDays * 86_400_000);
  const dateFrom = Math.floor(start.getTime() / 1000);
  for (const [index, isAnswered] of [false, true].entries()) {
    for await (const page of context.client.questions({ isAnswered, dateFrom })) {
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
        const records = lastByKey(page.rows, (row) => row.id).map(questionRecord);
        let stored;
        if (context.kind === 'initial') {
          // What was asked before the cabinet was connected is history, not news.
          stored = await bulkUpsert(client, SQL.questions, context.cabinetId, records);
        } else {
          const detailed = await bulkUpsertDetailed(client, DETAIL_SQL.questions, context.cabinetId, records);
          // DETAIL_SQL.questions returns the columns QuestionChange names.
          const events = questionEvents(detailed.rows as unknown as QuestionChange[]);
          context.events.created += await writeEvents(client, context.cabinetId, context.syncLogId, events);
          stored = detailed.counts;
        }
        await saveWatermark(client, context.cabinetId, 'questions', latest);
        return stored;
      });
      addCounts(counts, result);
    }
    await context.progress((index + 1) / 2);
  }
  return counts;
}
