import { addCounts, emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import { bulkUpsert } from '../store/bulk-upsert.ts';
import { lastByKey, productRecord, SQL } from '../store/tables.ts';
import { inTransaction } from '@wb-assist/db';
import { saveWatermark } from '../store/watermarks.ts';

interface CardsCursor {
  updatedAt: string;
  nmID: number;
}

const isCursor = (value: unknown): value is CardsCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CardsCursor).updatedAt === 'string' &&
  typeof (value as CardsCursor).nmID === 'number';

/** Product cards in WB's update order, continuing from the saved cursor: only changed cards come back. */
export async function syncProducts(context: SourceContext): Promise<SourceCounts> {
  const counts = emptyCounts();
  const start = isCursor(context.watermark?.cursor) ? context.watermark.cursor : undefined;
  for await (const page of context.client.cards(start)) {
    context.signal.throwIfAborted();
    counts.fetched += page.rows.length + page.bad.length;
    counts.skipped += page.bad.length;
    context.reportBadRows(page.bad);
    const latest = page.rows.reduce<Date | null>(
      (max, row) => (max === null || row.updatedAt > max ? row.updatedAt : max),
      null,
    );
    const result = await inTransaction(context.pool, async (client) => {
      const stored = await bulkUpsert(
        client,
        SQL.products,
        context.cabinetId,
        lastByKey(page.rows, (row) => String(row.nmID)).map(productRecord),
      );
      await saveWatermark(client, context.cabinetId, 'products', latest, page.cursor ?? null);
      return stored;
    });
    addCounts(counts, result);
  }
  await context.progress(1);
  return counts;
}
