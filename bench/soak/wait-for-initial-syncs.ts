import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';

/**
 * Until every cabinet's initial sync is done (status ready). The shops' clock stands still
 * meanwhile, so what an initial sync stored (and by design announced to nobody) is exactly
 * the shop as of that frozen moment, for every cabinet alike.
 */
export async function waitForInitialSyncs(pool: pg.Pool, cabinets: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ ready: number; stuck: number }>(
      `SELECT count(*) FILTER (WHERE status = 'ready')::int AS ready,
              count(*) FILTER (WHERE status IN ('key_invalid', 'paused'))::int AS stuck
       FROM cabinets`,
    );
    const { ready, stuck } = rows[0]!;
    if (stuck > 0) throw new Error(`${stuck} cabinets stopped syncing (key_invalid or paused) during the setup`);
    if (ready >= cabinets) return;
    if (Date.now() > deadline) throw new Error(`initial syncs: only ${ready} of ${cabinets} cabinets ready in time`);
    await sleep(250);
  }
}
