import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import type { Metrics } from '@wb-assist/metrics';
import { syncCabinet, type SyncSettings } from '@wb-assist/sync';
import type { RateLimiter, WbHosts } from '@wb-assist/wb-api';
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
      observe: (event) => {
        if (event.type === 'bad_rows') deps.metrics.badRows.inc({ source: event.source }, event.count);
        if (event.type === 'wb_response') {
          deps.metrics.wbRequests.inc({ method: event.method, status: String(event.status) });
          deps.metrics.wbRequestDuration.observe({ method: event.method }, event.durationMs / 1000);
        }
        if (event.type === 'sync') {
          deps.metrics.syncs.inc({ kind: event.kind, status: event.status });
          deps.metrics.syncDuration.observe({ kind: event.kind }, event.durationMs / 1000);
        }
      },
    });
}
