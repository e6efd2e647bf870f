import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import type { BadRow, WbClient, WbTokenType } from '@wb-assist/wb-api';
import type { SyncSource, Watermark } from './store/watermarks.ts';

export interface SyncSettings {
  /** Days of history the initial sync loads. */
  initialSyncDays: number;
  /** Each sync re-reads this much before its watermark. */
  lookbackMinutes: number;
}

export interface SourceCounts {
  fetched: number;
  inserted: number;
  updated: number;
  /** Updated rows where something that matters changed (cancellation, money, quantity). */
  changed: number;
  skipped: number;
}

export interface SourceContext {
  pool: pg.Pool;
  cabinetId: string;
  tokenType: WbTokenType;
  client: WbClient;
  kind: 'initial' | 'periodic' | 'manual';
  /** This sync's wb_sync_logs row, which its events point back to. */
  syncLogId: string;
  /** Available units per product size at or below which stock is critical. */
  criticalStockThreshold: number;
  /** Events written to the outbox so far by this sync. */
  events: { created: number };
  now: Date;
  settings: SyncSettings;
  watermark: Watermark | undefined;
  log: Logger;
  signal: AbortSignal;
  /** A malformed WB row: logged, counted, kept in the sync log; never silently lost. */
  reportBadRows(rows: BadRow[]): void;
  /** Fraction of this source done, for the initial sync's progress bar. */
  progress(fraction: number): Promise<void>;
}

export type SourceSync = (context: SourceContext) => Promise<SourceCounts>;

export const emptyCounts = (): SourceCounts => ({ fetched: 0, inserted: 0, updated: 0, changed: 0, skipped: 0 });

export function addCounts(total: SourceCounts, part: Omit<SourceCounts, 'fetched' | 'skipped'>): void {
  total.inserted += part.inserted;
  total.updated += part.updated;
  total.changed += part.changed;
}

export type { SyncSource };

/**
 * The order feed's reads run apart from the full sync, once a minute per cabinet: they keep no
 * wb_sync_logs row (one a minute per cabinet would bury the sync history), and have no stage
 * of the initial sync's progress bar.
 */
export type FeedContext = Omit<SourceContext, 'syncLogId' | 'criticalStockThreshold' | 'progress'> & {
  syncLogId: null;
};
