import type pg from 'pg';

export interface SyncProgress {
  stage: 'orders' | 'sales' | 'stocks' | 'reviews' | 'products' | 'done';
  percent: number;
  /** Stages the initial sync has finished; a restarted run skips them. */
  done: string[];
  /** Rows read per stage so far. */
  counts: Record<string, number>;
}

/** PostgreSQL NOTIFY channels other processes (bot, API) listen on. Payloads carry ids only. */
export const CHANNELS = {
  syncProgress: 'wb_sync_progress',
  cabinetEvents: 'wb_cabinet_events',
} as const;

/**
 * Progress lives in the cabinet row, so a late subscriber reads the current state, and is
 * announced over NOTIFY so live ones need not poll.
 */
export async function saveProgress(
  db: pg.Pool | pg.ClientBase,
  cabinetId: string,
  progress: SyncProgress,
): Promise<void> {
  await db.query(
    `WITH saved AS (UPDATE cabinets SET sync_progress = $2 WHERE id = $1)
     SELECT pg_notify($3, $4)`,
    [
      cabinetId,
      JSON.stringify(progress),
      CHANNELS.syncProgress,
      JSON.stringify({ cabinetId, stage: progress.stage, percent: progress.percent }),
    ],
  );
}

export async function publishCabinetEvent(
  db: pg.Pool | pg.ClientBase,
  event: { cabinetId: string; event: 'initial_sync_completed' | 'key_invalid' },
): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [CHANNELS.cabinetEvents, JSON.stringify(event)]);
}
