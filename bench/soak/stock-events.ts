import type pg from 'pg';
import type { NotificationPayload } from '@wb-assist/domain';
import type { RunningEmulator } from '@wb-assist/wb-emulator';
import type { SoakCabinet } from './connect-users.ts';
import type { ExpectedEvent } from './expected-event.ts';
import { eventFingerprint } from './fingerprint.ts';

/**
 * Critical-stock alerts as the system detected them (the outbox), not as the emulator would
 * have them: whether a size crossed the threshold depends on the stock snapshots the syncs
 * happened to read (a size that dips and recovers between two syncs raises nothing), and the
 * emulator keeps no record of what each stocks report showed. So for this type the soak checks
 * delivery only: every alert the system raised reaches every member exactly once.
 */
export async function stockEvents(options: {
  pool: pg.Pool;
  emulator: RunningEmulator;
  cabinets: SoakCabinet[];
}): Promise<ExpectedEvent[]> {
  const { rows } = await options.pool.query<{
    cabinet_id: string;
    event_key: string;
    nm_id: number;
    available: number;
  }>(
    `SELECT cabinet_id, event_key, (payload->>$1::text)::int AS nm_id, (payload->>$2::text)::int AS available
     FROM outbox_events WHERE type = 'critical_stock'`,
    // The registry's stock payload names these fields; a rename fails to compile here.
    ['nmId', 'available'] satisfies (keyof NotificationPayload<'critical_stock'>)[],
  );
  const byId = new Map(options.cabinets.map((cabinet) => [cabinet.cabinetId, cabinet]));
  return rows.map((row) => {
    const cabinet = byId.get(row.cabinet_id);
    if (!cabinet) throw new Error(`a stock alert of an unknown cabinet ${row.cabinet_id}`);
    const product = options.emulator.store.seller(cabinet.sid)?.products.find((p) => p.nmId === row.nm_id);
    return {
      sid: cabinet.sid,
      cabinetId: cabinet.cabinetId,
      chatIds: cabinet.chatIds,
      type: 'critical_stock' as const,
      identity: row.event_key,
      fingerprint: eventFingerprint('critical_stock', product?.vendorCode ?? `nm ${row.nm_id}`, {
        remaining: row.available,
      }),
    };
  });
}
