import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import { syncCabinet, type SyncSettings } from '@wb-assist/sync';
import type { RateLimiter, WbHosts } from '@wb-assist/wb-api';
import type { CabinetSyncHandler } from '../sync-handler.ts';

export interface SyncCabinetDependencies {
  pool: pg.Pool;
  logger: Logger;
  wb: { hosts: WbHosts; limiter: RateLimiter; timeoutMs: number; rateLimitScale?: number };
  encryptionKey: Buffer;
  settings: SyncSettings;
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
    });
}
