import type pg from 'pg';
import { cabinetWbClient } from '@wb-assist/core';
import type { Logger } from '@wb-assist/logger';
import { hasCategory, WbApiError, type WbTokenType } from '@wb-assist/wb-api';
import type { SyncSettings } from './context.ts';
import { syncOrderFeed } from './sources/order-feed.ts';
import { readWatermarks } from './store/watermarks.ts';
import { markKeyRefused } from './intelligence/mark-key-refused.ts';
import { keyProblem, type SyncCabinetOptions, type SyncObservation, type SyncOutcome } from './sync-cabinet.ts';

export interface SyncOrderFeedOptions {
  pool: pg.Pool;
  cabinetId: string;
  /** The feed loop's id of this read, in every log record about it (the feed has no job id). */
  readId?: string;
  wb: SyncCabinetOptions['wb'];
  encryptionKey: Buffer;
  settings: SyncSettings;
  log: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  observe?: (event: SyncObservation) => void;
}

/** Only these keys may read the feed as often as it is worth: Base keys get one call in 3 hours. */
const FEED_TOKEN_TYPES: readonly WbTokenType[] = ['personal', 'service'];

/** Whether a cabinet's key reads the order feed: Personal or Service, with the Analytics category. */
export function readsOrderFeed(tokenType: WbTokenType, tokenScopes: number): boolean {
  return FEED_TOKEN_TYPES.includes(tokenType) && hasCategory(tokenScopes, 'analytics');
}

/** WB's one feed call a minute. */
const FEED_MAX_WAIT_MS = 60_000;

interface FeedCabinetRow {
  seller_id: string;
  status: string;
  token_encrypted: string;
  token_type: WbTokenType;
  token_scopes: number;
}

/**
 * One read of one cabinet's real-time order feed, apart from the full sync and on its own
 * cadence: the same client, rate-limit buckets and 429 handling, the same transaction
 * discipline (syncOrderFeed). Only a ready cabinet reads it: the initial sync comes first.
 */
export async function syncCabinetOrderFeed(options: SyncOrderFeedOptions): Promise<SyncOutcome> {
  const { pool, cabinetId } = options;
  const { rows } = await pool.query<FeedCabinetRow>(
    'SELECT seller_id, status, token_encrypted, token_type, token_scopes FROM cabinets WHERE id = $1',
    [cabinetId],
  );
  const cabinet = rows[0];
  if (!cabinet) return { status: 'skipped', reason: 'cabinet not found' };
  if (cabinet.status !== 'ready') return { status: 'skipped', reason: `cabinet is ${cabinet.status}` };
  if (!readsOrderFeed(cabinet.token_type, cabinet.token_scopes))
    return { status: 'skipped', reason: 'the key cannot read the order feed' };

  const log = options.log.child({ cabinetId, feedReadId: options.readId, source: 'order_feed' });
  const key = { sellerId: cabinet.seller_id, tokenEncrypted: cabinet.token_encrypted, tokenType: cabinet.token_type };
  const client = cabinetWbClient(
    key,
    { ...options.wb, encryptionKey: options.encryptionKey },
    {
      // A read that cannot have its slot within about one feed interval gives way to the next
      // interval's read (rescheduled when WB said how long to wait) instead of queueing behind it.
      maxWaitMs: Math.min(
        options.wb.maxWaitMs ?? FEED_MAX_WAIT_MS,
        FEED_MAX_WAIT_MS * (options.wb.rateLimitScale ?? 1),
      ),
      signal: options.signal,
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
  try {
    await syncOrderFeed({
      pool,
      cabinetId,
      tokenType: cabinet.token_type,
      client,
      kind: 'periodic',
      syncLogId: null,
      events: { created: 0 },
      now: (options.now ?? (() => new Date()))(),
      settings: options.settings,
      watermark: watermarks.get('order_feed'),
      log,
      signal: options.signal ?? new AbortController().signal,
      reportBadRows(bad) {
        if (bad.length === 0) return;
        options.observe?.({ type: 'bad_rows', source: 'order_feed', count: bad.length });
        log.warn({ count: bad.length, first: bad[0] }, 'malformed WB rows skipped');
      },
    });
  } catch (error) {
    if (!(error instanceof WbApiError)) throw error;
    if (error.code === 'rate_limited') return { status: 'rate_limited', retryAfterMs: error.retryAfterMs ?? 60_000 };
    if (error.isAuthFailure) {
      const reason = keyProblem(error);
      await markKeyRefused({ pool, cabinetId, reason, syncLogId: null, now: (options.now ?? (() => new Date()))() });
      return { status: 'key_invalid', reason };
    }
    if (error.code === 'scope_missing') return { status: 'skipped', reason: error.message };
    throw error;
  }
  return { status: 'done' };
}
