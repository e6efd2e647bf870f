import type pg from 'pg';
import { inTransaction } from '@wb-assist/db';
import { writeEvents } from '../events/outbox.ts';
import { anomalyEvents } from './anomaly-events.ts';
import { keyExpiryEvents, type CabinetKey } from './key-health-events.ts';
import { stockForecastEvents } from './stock-forecast-events.ts';

export interface DetectAfterSyncOptions {
  pool: pg.Pool;
  cabinetId: string;
  syncLogId: string;
  key: CabinetKey;
  /** The sync's clock: the day anomalies are of, the moment days of cover are taken at. */
  now: Date;
}

/**
 * What a whole sync's data says beyond single rows: the key's expiry ahead, sizes about to
 * run out, products with a spike of cancellations or returns. Found over the stored data once
 * every source has been read, and written with the forecast state in one transaction: a crash
 * leaves neither an alert without its state nor state without its alert. Returns the events
 * written.
 */
export async function detectAfterSync(options: DetectAfterSyncOptions): Promise<number> {
  const { cabinetId, now } = options;
  return inTransaction(options.pool, async (client) => {
    // One job per cabinet at a time, so forecast state is read and written by this sync alone.
    const events = [
      ...keyExpiryEvents(options.key, now),
      ...(await stockForecastEvents(client, { cabinetId, now })),
      ...(await anomalyEvents(client, { cabinetId, now })),
    ];
    return writeEvents(client, cabinetId, options.syncLogId, events);
  });
}
