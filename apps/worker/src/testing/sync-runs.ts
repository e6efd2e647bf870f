import type pg from 'pg';
import type { CabinetSyncHandler, CabinetSyncInput, SyncOutcome } from '../sync-handler.ts';

/**
 * Fake syncs write one row per run, timed by the database clock so runs from different
 * processes compare on one clock.
 */
export async function createRunsTable(pool: pg.Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS test_sync_runs (
    id serial PRIMARY KEY,
    cabinet_id uuid NOT NULL,
    worker text NOT NULL,
    kind text NOT NULL,
    job_id text NOT NULL,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    ended_at timestamptz,
    result text
  )`);
}

export interface SyncRun {
  cabinetId: string;
  worker: string;
  kind: string;
  jobId: string;
  startedAt: Date;
  endedAt: Date | null;
  result: string | null;
}

export async function readRuns(pool: pg.Pool, cabinetId?: string): Promise<SyncRun[]> {
  const { rows } = await pool.query<SyncRun>(
    `SELECT cabinet_id AS "cabinetId", worker, kind, job_id AS "jobId", started_at AS "startedAt",
       ended_at AS "endedAt", result
     FROM test_sync_runs WHERE $1::uuid IS NULL OR cabinet_id = $1 ORDER BY started_at, id`,
    [cabinetId ?? null],
  );
  return rows;
}

/** Pairs of runs of one cabinet that overlapped in time (there must be none). */
export async function overlappingRuns(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM test_sync_runs a JOIN test_sync_runs b
       ON a.cabinet_id = b.cabinet_id AND a.id < b.id
      AND a.started_at < COALESCE(b.ended_at, 'infinity') AND b.started_at < COALESCE(a.ended_at, 'infinity')`,
  );
  return Number(rows[0]!.count);
}

/** Wraps a fake sync so each run is recorded with how it ended ('threw: …' when it threw). */
export function recordingHandler(
  pool: pg.Pool,
  worker: string,
  sync: (input: CabinetSyncInput) => Promise<SyncOutcome>,
): CabinetSyncHandler {
  return async (input) => {
    const { rows } = await pool.query<{ id: number }>(
      `INSERT INTO test_sync_runs (cabinet_id, worker, kind, job_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [input.cabinetId, worker, input.kind, input.jobId],
    );
    const finish = (result: string) =>
      pool.query(`UPDATE test_sync_runs SET ended_at = clock_timestamp(), result = $2 WHERE id = $1`, [
        rows[0]!.id,
        result,
      ]);
    try {
      const outcome = await sync(input);
      await finish(outcome.status);
      return outcome;
    } catch (error) {
      await finish(`threw: ${(error as Error).message}`);
      throw error;
    }
  };
}

// Shared with the other suites that wait on processes.
export { waitFor } from '@wb-assist/db/testing';
