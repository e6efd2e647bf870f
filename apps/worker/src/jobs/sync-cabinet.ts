import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import type { Metrics } from '@wb-assist/metrics';
import { syncCabinet, syncCabinetOrderFeed, type SyncObservation, type SyncSettings } from '@wb-assist/sync';
import type { RateLimiter, WbHosts } from '@wb-assist/wb-api';
import type { OrderFeedHandler } from '../order-feed/feed-loop.ts';
import type { CabinetSyncHandler } from '../sync-handler.ts';

export interface SyncCabinetDependencies {
  pool: pg.Pool;
  logger: Logger;
  wb: { hosts: WbHosts; limiter: RateLimiter; timeoutMs: number; rateLimitScale?: number };
  encryptionKey: Buffer;
  settings: SyncSettings;
  metrics: Metrics;
}

/** The queue's handler: one sync of one cabinet with WB (packages/sync). */
export function createSyncCabinet(deps: SyncCabinetDependencies): CabinetSyncHandler {
  return ({ cabinetId, kind, jobId, signal }) =>
    syncCabinet({
      pool: deps.pool,
      cabinetId,
      kind,
      jobId,
      signal,
      wb: deps.wb,
      encryptionKey: deps.encryptionKey,
      settings: deps.settings,
      log: deps.logger,
      observe: observer(deps.metrics),
    });
}

/** The feed loop's handler: one read of one cabinet's real-time order feed. */
export function createSyncOrderFeed(deps: SyncCabinetDependencies): OrderFeedHandler {
  return ({ cabinetId, readId, signal }) =>
    syncCabinetOrderFeed({
      pool: deps.pool,
      cabinetId,
      readId,
      signal,
      wb: deps.wb,
      encryptionKey: deps.encryptionKey,
      settings: deps.settings,
      log: deps.logger,
      observe: observer(deps.metrics),
    });
}

function observer(metrics: Metrics) {
  return (event: SyncObservation) => {
    if (event.type === 'bad_rows') metrics.badRows.inc({ source: event.source }, event.count);
    if (event.type === 'wb_response') {
      metrics.wbRequests.inc({ method: event.method, status: String(event.status) });
      metrics.wbRequestDuration.observe({ method: event.method }, event.durationMs / 1000);
    }
    if (event.type === 'sync') {
      metrics.syncs.inc({ kind: event.kind, status: event.status });
      metrics.syncDuration.observe({ kind: event.kind }, event.durationMs / 1000);
    }
  };
}
