import fs from 'node:fs';
import type pg from 'pg';
import { repoRoot } from '@wb-assist/config';
import { migrationStatus } from '@wb-assist/db';

export const version: string = JSON.parse(fs.readFileSync(`${repoRoot}/package.json`, 'utf8')).version;

export interface HealthReport {
  status: 'ok' | 'unavailable';
  version: string;
  database: { reachable: boolean; error?: string };
  migrations?: { applied: number; pending: string[]; edited: string[]; unknown: string[] };
}

/**
 * Healthy means: the database answers and every migration this code knows is applied,
 * unchanged. A newer release's extra migrations do not make an older process unhealthy.
 */
export async function healthReport(pool: pg.Pool): Promise<HealthReport> {
  try {
    const migrations = await migrationStatus((sql) => pool.query(sql));
    const ok = migrations.pending.length === 0 && migrations.edited.length === 0;
    return { status: ok ? 'ok' : 'unavailable', version, database: { reachable: true }, migrations };
  } catch (error) {
    const err = error as { code?: string; message?: string };
    return {
      status: 'unavailable',
      version,
      database: { reachable: false, error: err.code ?? err.message ?? 'unknown' },
    };
  }
}
