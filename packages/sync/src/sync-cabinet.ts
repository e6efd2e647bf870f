import type pg from 'pg';
import { cabinetWbClient } from '@wb-assist/core';
import type { Logger } from '@wb-assist/logger';
import { WbApiError, type BadRow, type RateLimiter, type WbHosts, type WbTokenType } from '@wb-assist/wb-api';
import { emptyCounts, type SourceCounts, type SourceSync, type SyncSettings } from './context.ts';
import { detectAfterSync } from './intelligence/detect-after-sync.ts';
import type { CabinetKey } from './intelligence/key-health-events.ts';
import { markKeyRefused } from './intelligence/mark-key-refused.ts';
import { syncProducts } from './sources/products.ts';
import { syncQuestions } from './sources/questions.ts';
import { syncReviews } from './sources/reviews.ts';
import { syncStocks } from './sources/stocks.ts';
import { syncOrders, syncSales } from './sources/statistics.ts';
import { readWatermarks, type SyncSource } from './store/watermarks.ts';
import { publishCabinetEvent, saveProgress, type SyncProgress } from './progress.ts';

export type SyncKind = 'initial' | 'periodic' | 'manual';

export type SyncOutcome =
  | { status: 'done' }
  | { status: 'rate_limited'; retryAfterMs: number }
  | { status: 'key_invalid'; reason: string }
  | { status: 'skipped'; reason: string };

export interface SyncCabinetOptions {
  pool: pg.Pool;
  cabinetId: string;
  kind: SyncKind;
  jobId?: string;
  wb: {
    hosts: WbHosts;
    limiter: RateLimiter;
    timeoutMs?: number;
    statisticsPageLimit?: number;
    maxWaitMs?: number;
    minBackoffMs?: number;
    retries?: number;
    rateLimitScale?: number;
  };
  encryptionKey: Buffer;
  settings: SyncSettings;
  log: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  /** Metrics: malformed rows per source, and each finished sync. */
  observe?: (event: SyncObservation) => void;
}

export type SyncObservation =
  | { type: 'bad_rows'; source: SyncSource; count: number }
  | { type: 'wb_response'; method: string; status: number | 'timeout' | 'network'; durationMs: number }
  | { type: 'sync'; kind: SyncKind; status: 'success' | 'partial' | 'failed'; durationMs: number };

/** The order of the initial sync's stages and each one's share of its progress bar. */
const STAGES: { source: Exclude<SyncSource, 'order_feed'>; run: SourceSync; weight: number }[] = [
  { source: 'orders', run: syncOrders, weight: 30 },
  { source: 'sales', run: syncSales, weight: 25 },
  { source: 'stocks', run: syncStocks, weight: 15 },
  { source: 'reviews', run: syncReviews, weight: 12 },
  { source: 'questions', run: syncQuestions, weight: 3 },
  { source: 'products', run: syncProducts, weight: 15 },
];

interface CabinetRow {
  id: string;
  seller_id: string;
  name: string;
  token_fingerprint: string;
  token_scopes: number;
  token_expires_at: Date;
  status: 'initial_sync' | 'ready' | 'key_invalid' | 'paused';
  token_encrypted: string;
  token_type: WbTokenType;
  sync_progress: SyncProgress | null;
  critical_stock_threshold: number;
}

const MAX_LOGGED_BAD_ROWS = 20;

/** Russian, for the seller: why syncing stopped. */
export function keyProblem(error: WbApiError): string {
  return error.code === 'token_expired'
    ? 'Срок действия ключа WB истёк. Пришлите новый ключ.'
    : 'WB перестал принимать ключ (он отозван или недействителен). Пришлите новый ключ.';
}

/**
 * One sync of one cabinet: every source from its watermark, each page stored with its
 * watermark in one transaction, one wb_sync_logs row. A source that fails does not cost the
 * others their data. The initial sync records which stages are done, so a run cut short
 * (crash, rate limit) continues where it stopped, and marks the cabinet ready only at the end.
 */
export async function syncCabinet(options: SyncCabinetOptions): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const signal = options.signal ?? new AbortController().signal;
  const { pool, cabinetId } = options;
  const { rows } = await pool.query<CabinetRow>(
    `SELECT id, seller_id, name, status, token_encrypted, token_type, token_fingerprint, token_scopes, token_expires_at,
            sync_progress, critical_stock_threshold
     FROM cabinets WHERE id = $1`,
    [cabinetId],
  );
  const cabinet = rows[0];
  if (!cabinet) return { status: 'skipped', reason: 'cabinet not found' };
  if (cabinet.status === 'key_invalid' || cabinet.status === 'paused')
    return { status: 'skipped', reason: `cabinet is ${cabinet.status}` };
  const initial = cabinet.status === 'initial_sync';
  const kind: SyncKind = initial ? 'initial' : options.kind === 'initial' ? 'periodic' : options.kind;
  const log = options.log.child({ cabinetId, jobId: options.jobId, kind });

  const started = now();
  const { rows: logRows } = await pool.query<{ id: string }>(
    `INSERT INTO wb_sync_logs (cabinet_id, kind, status, started_at, job_id) VALUES ($1, $2, 'running', $3, $4) RETURNING id`,
    [cabinetId, kind, started, options.jobId ?? null],
  );
  const logId = logRows[0]!.id;

  const key = { sellerId: cabinet.seller_id, tokenEncrypted: cabinet.token_encrypted, tokenType: cabinet.token_type };
  const client = cabinetWbClient(
    key,
    { ...options.wb, encryptionKey: options.encryptionKey },
    {
      statisticsPageLimit: options.wb.statisticsPageLimit,
      maxWaitMs: options.wb.maxWaitMs,
      minBackoffMs: options.wb.minBackoffMs,
      retries: options.wb.retries,
      onResponse: (event) =>
        options.observe?.({
          type: 'wb_response',
          method: event.group,
          status: event.status,
          durationMs: event.durationMs,
        }),
    },
  );
  const watermarks = await readWatermarks(pool, cabinetId);
  const progress: SyncProgress = initial
    ? (cabinet.sync_progress ?? { stage: 'orders', percent: 0, done: [], counts: {} })
    : { stage: 'orders', percent: 0, done: [], counts: {} };

  const counts: Partial<Record<SyncSource, SourceCounts>> = {};
  const errors: { source: SyncSource; code: string; message: string }[] = [];
  const badRows: (BadRow & { source: SyncSource })[] = [];
  const events = { created: 0 };
  let rateLimitedMs = 0;
  let authFailure: WbApiError | undefined;

  let weightBefore = 0;
  for (const stage of STAGES) {
    const stageStart = weightBefore;
    weightBefore += stage.weight;
    if (initial && progress.done.includes(stage.source)) continue;
    if (authFailure) break;
    progress.stage = stage.source;
    const sourceCounts = emptyCounts();
    try {
      const result = await stage.run({
        pool,
        cabinetId,
        tokenType: cabinet.token_type,
        client,
        kind,
        syncLogId: logId,
        criticalStockThreshold: cabinet.critical_stock_threshold,
        events,
        now: started,
        settings: options.settings,
        watermark: watermarks.get(stage.source),
        log,
        signal,
        reportBadRows(rows) {
          if (rows.length > 0) options.observe?.({ type: 'bad_rows', source: stage.source, count: rows.length });
          for (const row of rows) {
            badRows.push({ ...row, source: stage.source });
            if (badRows.length <= MAX_LOGGED_BAD_ROWS)
              log.warn(
                { source: stage.source, row: row.index, key: row.key, problem: row.problem },
                'malformed WB row skipped',
              );
          }
        },
        async progress(fraction) {
          if (!initial) return;
          progress.percent = Math.floor(stageStart + stage.weight * fraction);
          progress.counts[stage.source] = sourceCounts.fetched;
          await saveProgress(pool, cabinetId, progress);
        },
      });
      Object.assign(sourceCounts, result);
      counts[stage.source] = sourceCounts;
      if (initial) {
        progress.done.push(stage.source);
        progress.counts[stage.source] = result.fetched;
        progress.percent = weightBefore;
        await saveProgress(pool, cabinetId, progress);
      }
    } catch (error) {
      if (!(error instanceof WbApiError)) throw error;
      errors.push({ source: stage.source, code: error.code, message: error.message });
      if (error.isAuthFailure) authFailure = error;
      else if (error.code === 'rate_limited') rateLimitedMs = Math.max(rateLimitedMs, error.retryAfterMs ?? 60_000);
      else if (error.code === 'scope_missing' && initial) {
        // The key cannot read this source at all: the initial sync goes on without it.
        progress.done.push(stage.source);
      }
      log.warn({ source: stage.source, code: error.code, err: error.message }, 'source failed');
    }
  }

  const cabinetKey: CabinetKey = {
    cabinetName: cabinet.name,
    fingerprint: cabinet.token_fingerprint,
    expiresAt: cabinet.token_expires_at,
    scopes: cabinet.token_scopes,
    tokenType: cabinet.token_type,
  };
  if (!initial && !authFailure) {
    events.created += await detectAfterSync({ pool, cabinetId, syncLogId: logId, key: cabinetKey, now: started });
  }

  const finished = now();
  const transientFailures = errors.filter(
    (error) => !['rate_limited', 'scope_missing'].includes(error.code) && !authFailure,
  );
  const ok = errors.length === 0;
  const status = authFailure ? 'failed' : ok ? 'success' : Object.keys(counts).length > 0 ? 'partial' : 'failed';
  await pool.query(
    `UPDATE wb_sync_logs SET status = $2, completed_at = $3, duration_ms = $4, counts = $5, skipped_rows = $6, errors = $7,
            events_created = $8
     WHERE id = $1`,
    [
      logId,
      status,
      finished,
      finished.getTime() - started.getTime(),
      JSON.stringify(counts),
      badRows.length,
      errors.length + badRows.length > 0 ? JSON.stringify({ sources: errors, badRows: badRows.slice(0, 100) }) : null,
      events.created,
    ],
  );

  options.observe?.({ type: 'sync', kind, status, durationMs: finished.getTime() - started.getTime() });

  if (authFailure) {
    const reason = keyProblem(authFailure);
    await markKeyRefused({ pool, cabinetId, reason, syncLogId: logId, now: finished });
    log.warn({ code: authFailure.code }, 'WB refused the key: cabinet paused until a new key');
    return { status: 'key_invalid', reason };
  }

  const complete = initial && STAGES.every((stage) => progress.done.includes(stage.source));
  if (complete) {
    progress.stage = 'done';
    progress.percent = 100;
    await pool.query(
      `UPDATE cabinets SET status = 'ready', initial_sync_completed_at = $2, last_sync_at = $2, sync_progress = $3, updated_at = now()
       WHERE id = $1 AND status = 'initial_sync'`,
      [cabinetId, finished, JSON.stringify(progress)],
    );
    await saveProgress(pool, cabinetId, progress);
    await publishCabinetEvent(pool, { cabinetId, event: 'initial_sync_completed' });
    log.info({ counts, durationMs: finished.getTime() - started.getTime() }, 'initial sync completed');
  } else if (!initial) {
    await pool.query('UPDATE cabinets SET last_sync_at = $2 WHERE id = $1', [cabinetId, finished]);
  }

  if (transientFailures.length > 0 && (initial || Object.keys(counts).length === 0)) {
    // Nothing (or not all of the initial sync) got through: let the queue retry with backoff.
    throw new Error(`sync failed: ${transientFailures.map((error) => `${error.source}: ${error.message}`).join('; ')}`);
  }
  if (rateLimitedMs > 0 && (initial ? !complete : Object.keys(counts).length === 0)) {
    return { status: 'rate_limited', retryAfterMs: rateLimitedMs };
  }
  return { status: 'done' };
}
