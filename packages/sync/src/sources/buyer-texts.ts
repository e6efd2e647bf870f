import { inTransaction } from '@wb-assist/db';
import type { DateWindow, Page } from '@wb-assist/wb-api';
import { addCounts, emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import type { DetectedEvent } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import { bulkUpsert, bulkUpsertDetailed } from '../store/bulk-upsert.ts';
import { lastByKey } from '../store/tables.ts';
import { saveWatermark, type SyncSource } from '../store/watermarks.ts';

/** What reviews and questions each bring to the shared sync: where to read, store and detect. */
export interface BuyerTextSource<Row extends { id: string; createdDate: Date }> {
  source: Extract<SyncSource, 'reviews' | 'questions'>;
  read: (context: SourceContext, window: DateWindow) => AsyncIterable<Page<Row>>;
  record: (row: Row) => Record<string, unknown>;
  /** The plain upsert (initial sync) and the one that reports what changed (later syncs). */
  sql: { plain: string; detailed: string };
  /** Events among the rows the detailed upsert returned. */
  detect: (changed: Record<string, unknown>[]) => DetectedEvent[];
}

/**
 * What buyers wrote (reviews, questions) since the watermark minus the lookback, answered and
 * unanswered alike: WB lists them separately, and one answered between two syncs is still new
 * to us. The initial sync stores what was written before the cabinet was connected as
 * history, not news; each page is stored with its events and its watermark in one transaction.
 */
export async function syncBuyerTexts<Row extends { id: string; createdDate: Date }>(
  context: SourceContext,
  spec: BuyerTextSource<Row>,
): Promise<SourceCounts> {
  const counts = emptyCounts();
  const lookbackMs = context.settings.lookbackMinutes * 60_000;
  const start = context.watermark?.watermark
    ? new Date(context.watermark.watermark.getTime() - lookbackMs)
    : new Date(context.now.getTime() - context.settings.initialSyncDays * 86_400_000);
  const dateFrom = Math.floor(start.getTime() / 1000);
  for (const [index, isAnswered] of [false, true].entries()) {
    for await (const page of spec.read(context, { isAnswered, dateFrom })) {
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
        const records = lastByKey(page.rows, (row) => row.id).map(spec.record);
        let stored;
        if (context.kind === 'initial') {
          stored = await bulkUpsert(client, spec.sql.plain, context.cabinetId, records);
        } else {
          const detailed = await bulkUpsertDetailed(client, spec.sql.detailed, context.cabinetId, records);
          const events = spec.detect(detailed.rows);
          context.events.created += await writeEvents(client, context.cabinetId, context.syncLogId, events);
          stored = detailed.counts;
        }
        await saveWatermark(client, context.cabinetId, spec.source, latest);
        return stored;
      });
      addCounts(counts, result);
    }
    await context.progress((index + 1) / 2);
  }
  return counts;
}
