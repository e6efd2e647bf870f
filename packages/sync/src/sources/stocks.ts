import type pg from 'pg';
import { WbApiError, type WbStocksReportRow, type WbWarehouseRemainsRow } from '@wb-assist/wb-api';
import { emptyCounts, type SourceContext, type SourceCounts } from '../context.ts';
import { stockEvents, type StockLevel } from '../events/detect.ts';
import { writeEvents } from '../events/outbox.ts';
import { bulkUpsert } from '../store/bulk-upsert.ts';
import { lastByKey, SQL } from '../store/tables.ts';
import { inTransaction } from '@wb-assist/db';
import { saveWatermark } from '../store/watermarks.ts';

type StockRecord = {
  nm_id: number;
  size_key: string;
  warehouse_key: string;
  chrt_id: number | null;
  tech_size: string | null;
  barcode: string | null;
  vendor_code: string | null;
  warehouse_id: number | null;
  warehouse_name: string;
  region_name: string | null;
  quantity: number;
  in_way_to_client: number;
  in_way_from_client: number;
};

const fromReport = (row: WbStocksReportRow): StockRecord => ({
  nm_id: row.nmId,
  size_key: `chrt:${row.chrtId}`,
  warehouse_key: `wh:${row.warehouseId}`,
  chrt_id: row.chrtId,
  tech_size: null,
  barcode: null,
  vendor_code: null,
  warehouse_id: row.warehouseId,
  warehouse_name: row.warehouseName,
  region_name: row.regionName,
  quantity: row.quantity,
  in_way_to_client: row.inWayToClient,
  in_way_from_client: row.inWayFromClient,
});

/** warehouse_remains mixes real warehouses with totals and goods in transit: keep the warehouses. */
const PSEUDO_WAREHOUSES = /^(В пути|Всего находится на складах)/;

const fromRemains = (row: WbWarehouseRemainsRow): StockRecord[] =>
  row.warehouses
    .filter((warehouse) => !PSEUDO_WAREHOUSES.test(warehouse.warehouseName))
    .map((warehouse) => ({
      nm_id: row.nmId,
      size_key: `size:${row.techSize ?? ''}`,
      warehouse_key: `name:${warehouse.warehouseName}`,
      chrt_id: null,
      tech_size: row.techSize,
      barcode: row.barcode,
      vendor_code: row.vendorCode,
      warehouse_id: null,
      warehouse_name: warehouse.warehouseName,
      region_name: null,
      quantity: Math.max(0, warehouse.quantity),
      in_way_to_client: 0,
      in_way_from_client: 0,
    }));

/**
 * Stocks are a snapshot, not a feed: the whole report is read first, then stored in one
 * transaction, with every stored row the report no longer lists set to zero (sold out). The
 * sum per product size is therefore never half old, half new.
 */
export async function syncStocks(context: SourceContext): Promise<SourceCounts> {
  const counts = emptyCounts();
  const records: StockRecord[] = [];
  if (context.tokenType === 'base') {
    const page = await remainsWhenReady(context);
    if (!page) return counts;
    counts.fetched += page.rows.length + page.bad.length;
    counts.skipped += page.bad.length;
    context.reportBadRows(page.bad);
    records.push(...page.rows.flatMap(fromRemains));
  } else {
    for await (const page of context.client.stocksReport()) {
      counts.fetched += page.rows.length + page.bad.length;
      counts.skipped += page.bad.length;
      context.reportBadRows(page.bad);
      records.push(...page.rows.map(fromReport));
    }
  }
  await context.progress(0.5);
  const unique = lastByKey(records, (row) => `${row.nm_id}|${row.size_key}|${row.warehouse_key}`);
  const result = await inTransaction(context.pool, async (client) => {
    // One job per cabinet at a time: the sums before and after are this snapshot's alone.
    const before =
      context.kind === 'initial' ? new Map<string, number>() : await availableBySize(client, context.cabinetId);
    const stored = await bulkUpsert(client, SQL.stocks, context.cabinetId, unique);
    const gone = await client.query(
      `UPDATE wb_stocks s SET quantity = 0, in_way_to_client = 0, in_way_from_client = 0, updated_at = now()
       WHERE s.cabinet_id = $1 AND (s.quantity <> 0 OR s.in_way_to_client <> 0 OR s.in_way_from_client <> 0)
         AND NOT EXISTS (
           SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(nm_id int, size_key text, warehouse_key text)
           WHERE r.nm_id = s.nm_id AND r.size_key = s.size_key AND r.warehouse_key = s.warehouse_key)`,
      [
        context.cabinetId,
        JSON.stringify(unique.map(({ nm_id, size_key, warehouse_key }) => ({ nm_id, size_key, warehouse_key }))),
      ],
    );
    if (context.kind !== 'initial') {
      const events = stockEvents(
        before,
        await stockLevels(client, context.cabinetId),
        context.criticalStockThreshold,
        context.syncLogId,
        context.now,
      );
      context.events.created += await writeEvents(client, context.cabinetId, context.syncLogId, events);
    }
    // The snapshot is stored: a Base token's finished task is done with.
    await client.query(`UPDATE wb_sync_watermarks SET cursor = NULL WHERE cabinet_id = $1 AND source = 'stocks'`, [
      context.cabinetId,
    ]);
    await saveWatermark(client, context.cabinetId, 'stocks', context.now);
    return {
      ...stored,
      updated: stored.updated + (gone.rowCount ?? 0),
      changed: stored.changed + (gone.rowCount ?? 0),
    };
  });
  counts.inserted = result.inserted;
  counts.updated = result.updated;
  counts.changed = result.changed;
  return counts;
}

async function availableBySize(client: pg.ClientBase, cabinetId: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ nm_id: number; size_key: string; available: string }>(
    `SELECT nm_id, size_key, sum(quantity) AS available FROM wb_stocks WHERE cabinet_id = $1 GROUP BY nm_id, size_key`,
    [cabinetId],
  );
  return new Map(rows.map((row) => [`${row.nm_id}|${row.size_key}`, Number(row.available)]));
}

/** Per product size: units available over all warehouses, and where they are. */
async function stockLevels(client: pg.ClientBase, cabinetId: string): Promise<StockLevel[]> {
  const { rows } = await client.query<StockLevel & { available: string }>(
    `SELECT nm_id AS "nmId", size_key AS "sizeKey", max(tech_size) AS "techSize", sum(quantity) AS available,
            COALESCE(json_agg(json_build_object('warehouseName', warehouse_name, 'regionName', region_name, 'quantity', quantity)
                              ORDER BY quantity DESC) FILTER (WHERE quantity > 0), '[]') AS warehouses
     FROM wb_stocks WHERE cabinet_id = $1 GROUP BY nm_id, size_key`,
    [cabinetId],
  );
  return rows.map((row) => ({ ...row, available: Number(row.available) }));
}

interface RemainsCursor {
  taskId: string;
}

const isRemainsCursor = (value: unknown): value is RemainsCursor =>
  typeof value === 'object' && value !== null && typeof (value as RemainsCursor).taskId === 'string';

/**
 * Base tokens: WB builds the report as a task and allows only 4 calls an hour per step. The
 * task id is kept in the stocks watermark, so the next sync asks after the same task instead
 * of ordering a new one; until it is done the stocks simply wait.
 */
async function remainsWhenReady(context: SourceContext) {
  const cursor = context.watermark?.cursor;
  let taskId = isRemainsCursor(cursor) ? cursor.taskId : undefined;
  if (!taskId) taskId = await orderRemainsTask(context);
  let status;
  try {
    status = await context.client.remainsTaskStatus(taskId);
  } catch (error) {
    if (!(error instanceof WbApiError && error.status === 404)) throw error;
    // WB keeps a report for a while only (a cabinet paused for days comes back to a task WB has
    // dropped), and asking after it again would fail every sync: order a new one.
    context.log.warn({ taskId }, 'WB no longer knows the warehouse_remains task; ordering a new one');
    taskId = await orderRemainsTask(context);
    status = await context.client.remainsTaskStatus(taskId);
  }
  if (status === 'done') return context.client.downloadRemains(taskId);
  if (status === 'purged' || status === 'canceled') await saveRemainsTask(context, null);
  context.log.info({ taskId, status }, 'warehouse_remains report not ready yet; stocks wait for the next sync');
  return undefined;
}

async function orderRemainsTask(context: SourceContext): Promise<string> {
  const taskId = await context.client.createRemainsTask();
  await saveRemainsTask(context, taskId);
  return taskId;
}

async function saveRemainsTask(context: SourceContext, taskId: string | null): Promise<void> {
  await context.pool.query(
    `INSERT INTO wb_sync_watermarks (cabinet_id, source, cursor, updated_at) VALUES ($1, 'stocks', $2, now())
     ON CONFLICT (cabinet_id, source) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
    [context.cabinetId, taskId === null ? null : JSON.stringify({ taskId })],
  );
}
