import type pg from 'pg';

export type SyncSource = 'orders' | 'sales' | 'stocks' | 'reviews' | 'questions' | 'products' | 'order_feed';

export interface Watermark {
  watermark: Date | null;
  cursor: unknown;
}

export async function readWatermarks(
  db: pg.Pool | pg.ClientBase,
  cabinetId: string,
): Promise<Map<SyncSource, Watermark>> {
  const { rows } = await db.query<{ source: SyncSource; watermark: Date | null; cursor: unknown }>(
    'SELECT source, watermark, cursor FROM wb_sync_watermarks WHERE cabinet_id = $1',
    [cabinetId],
  );
  return new Map(rows.map((row) => [row.source, { watermark: row.watermark, cursor: row.cursor }]));
}

/**
 * Called inside the transaction that stored the rows it covers. The watermark only moves
 * forward, whatever order pages commit in.
 */
export async function saveWatermark(
  client: pg.ClientBase,
  cabinetId: string,
  source: SyncSource,
  watermark: Date | null,
  cursor: unknown = null,
): Promise<void> {
  await client.query(
    `INSERT INTO wb_sync_watermarks (cabinet_id, source, watermark, cursor, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (cabinet_id, source) DO UPDATE SET
       watermark = GREATEST(wb_sync_watermarks.watermark, EXCLUDED.watermark),
       cursor = COALESCE(EXCLUDED.cursor, wb_sync_watermarks.cursor),
       updated_at = now()`,
    [cabinetId, source, watermark, cursor === null ? null : JSON.stringify(cursor)],
  );
}
