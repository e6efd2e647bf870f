import type pg from 'pg';
import { notify, type ChannelPayloads } from '@wb-assist/db/channels';

export interface SyncProgress {
  stage: 'orders' | 'sales' | 'stocks' | 'reviews' | 'questions' | 'products' | 'done';
  percent: number;
  /** Stages the initial sync has finished; a restarted run skips them. */
  done: string[];
  /** Rows read per stage so far. */
  counts: Record<string, number>;
}

/**
 * Progress lives in the cabinet row, so a late subscriber reads the current state, and is
 * announced over NOTIFY (the syncProgress channel) so live ones need not poll.
 */
export async function saveProgress(
  db: pg.Pool | pg.ClientBase,
  cabinetId: string,
  progress: SyncProgress,
): Promise<void> {
  await db.query('UPDATE cabinets SET sync_progress = $2 WHERE id = $1', [cabinetId, JSON.stringify(progress)]);
  await notify(db, 'syncProgress', { cabinetId, stage: progress.stage, percent: progress.percent });
}

export async function publishCabinetEvent(
  db: pg.Pool | pg.ClientBase,
  event: ChannelPayloads['cabinetEvent'],
): Promise<void> {
  await notify(db, 'cabinetEvent', event);
}
