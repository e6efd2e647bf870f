import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CabinetStatus } from '../cabinet-schedule.ts';

/** A cabinet row with just enough to exist; `nextSyncInSeconds` null leaves next_sync_at NULL. */
export async function insertCabinet(
  pool: pg.Pool,
  { status, nextSyncInSeconds = 0 }: { status: CabinetStatus; nextSyncInSeconds?: number | null },
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes,
       token_expires_at, status, next_sync_at)
     VALUES ($1, 'Test shop', 'v1:test', $1, 'personal', 0, now() + interval '1 year', $2,
       CASE WHEN $3::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $3::float8) END)
     RETURNING id`,
    [randomUUID(), status, nextSyncInSeconds],
  );
  return rows[0]!.id;
}

export async function cabinetRow(
  pool: pg.Pool,
  id: string,
): Promise<{ status: CabinetStatus; status_reason: string | null; next_sync_at: Date | null }> {
  const { rows } = await pool.query(`SELECT status, status_reason, next_sync_at FROM cabinets WHERE id = $1`, [id]);
  return rows[0];
}
