import { formatMoscowDateTime, type Page, type WbOrderRow, type WbSaleRow } from '@wb-assist/wb-api';
import { addCounts, emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import { orderEvents, saleEvents, type DetectedEvent, type OrderChange, type SaleChange } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import { bulkUpsert, bulkUpsertDetailed, type UpsertedRow, type UpsertResult } from '../store/bulk-upsert.ts';
import { DETAIL_SQL, lastByKey, orderRecord, saleRecord, SQL } from '../store/tables.ts';
import { inTransaction } from '@wb-assist/db';
import { saveWatermark } from '../store/watermarks.ts';

/**
 * Where to read from: the watermark minus the lookback (WB rows arrive late and change), or
 * the initial window. Never later than the watermark, so nothing between syncs is skipped.
 */
export function statisticsDateFrom(context: SourceContext): Date {
  const lookbackMs = context.settings.lookbackMinutes * 60_000;
  const watermark = context.watermark?.watermark;
  if (watermark) return new Date(watermark.getTime() - lookbackMs);
  return new Date(context.now.getTime() - context.settings.initialSyncDays * 86_400_000);
}

async function syncStatistics<T extends WbOrderRow | WbSaleRow>(
  context: SourceContext,
  source: 'orders' | 'sales',
  pages: AsyncGenerator<Page<T>>,
  key: (row: T) => string,
  record: (row: T) => Record<string, unknown>,
  sql: { counts: string; detail: string; detect: (rows: UpsertedRow[]) => DetectedEvent[] },
  from: Date,
): Promise<SourceCounts> {
  const counts = emptyCounts();
  const span = Math.max(1, context.now.getTime() - from.getTime());
  // The next page is fetched and parsed while this one is written: WB, Node and PostgreSQL work
  // at the same time instead of in turn.
  const iterator = pages[Symbol.asyncIterator]();
  let upcoming = iterator.next();
  for (;;) {
    const step = await upcoming;
    if (step.done) break;
    const page = step.value;
    upcoming = iterator.next();
    // If writing this page fails, the prefetch's own failure must not go unhandled.
    upcoming.catch(() => undefined);
    context.signal.throwIfAborted();
    counts.fetched += page.rows.length + page.bad.length;
    counts.skipped += page.bad.length;
    context.reportBadRows(page.bad);
    if (page.rows.length === 0) continue;
    const latest = page.rows.reduce(
      (max, row) => (row.lastChangeDate > max ? row.lastChangeDate : max),
      page.rows[0]!.lastChangeDate,
    );
    // The page, its events and the watermark that covers it commit together: a crash leaves
    // all of them or none. The initial sync stores history and raises nothing.
    const result = await inTransaction(context.pool, async (client) => {
      const records = lastByKey(page.rows, key).map(record);
      let stored: UpsertResult;
      if (context.kind === 'initial') {
        stored = await bulkUpsert(client, sql.counts, context.cabinetId, records);
      } else {
        const detailed = await bulkUpsertDetailed(client, sql.detail, context.cabinetId, records);
        context.events.created += await writeEvents(
          client,
          context.cabinetId,
          context.syncLogId,
          sql.detect(detailed.rows),
        );
        stored = detailed.counts;
      }
      await saveWatermark(client, context.cabinetId, source, latest);
      return stored;
    });
    addCounts(counts, result);
    await context.progress(Math.min(1, (latest.getTime() - from.getTime()) / span));
  }
  return counts;
}

export async function syncOrders(context: SourceContext): Promise<SourceCounts> {
  const from = statisticsDateFrom(context);
  return syncStatistics(
    context,
    'orders',
    context.client.orders(formatMoscowDateTime(from)),
    (row) => row.srid,
    orderRecord,
    // DETAIL_SQL.orders returns the columns OrderChange names.
    { counts: SQL.orders, detail: DETAIL_SQL.orders, detect: (rows) => orderEvents(rows as unknown as OrderChange[]) },
    from,
  );
}

export async function syncSales(context: SourceContext): Promise<SourceCounts> {
  const from = statisticsDateFrom(context);
  return syncStatistics(
    context,
    'sales',
    context.client.sales(formatMoscowDateTime(from)),
    (row) => row.saleID,
    saleRecord,
    { counts: SQL.sales, detail: DETAIL_SQL.sales, detect: (rows) => saleEvents(rows as unknown as SaleChange[]) },
    from,
  );
}
