import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { CABINET_SYNC_DEAD_LETTER_QUEUE, CABINET_SYNC_QUEUE } from './queues.ts';
import type { SyncOutcome } from './sync-handler.ts';
import { cabinetRow, insertCabinet } from './testing/cabinets.ts';
import { captureLogs } from './testing/log-capture.ts';
import { createRunsTable, readRuns, recordingHandler, waitFor } from './testing/sync-runs.ts';
import { createWorker, type Worker } from './worker.ts';

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

describe('sync outcomes', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  // Reads jobs as an operator would; it runs no maintenance of its own.
  const inspector = new PgBoss({ connectionString: testDatabaseUrl(), supervise: false, schedule: false });
  const { logger, lines } = captureLogs();
  const cabinets = { failing: '', rateLimited: '', keyInvalid: '' };
  let worker: Worker;

  beforeAll(async () => {
    await createRunsTable(pool);
    for (const key of ['failing', 'rateLimited', 'keyInvalid'] as const) {
      cabinets[key] = await insertCabinet(pool, { status: 'ready' });
    }
    let rateLimitedOnce = false;
    const sync = async ({ cabinetId }: { cabinetId: string }): Promise<SyncOutcome> => {
      if (cabinetId === cabinets.failing) throw new Error('WB answered 503');
      if (cabinetId === cabinets.keyInvalid) return { status: 'key_invalid', reason: 'WB: token revoked' };
      if (rateLimitedOnce) return { status: 'done' };
      rateLimitedOnce = true;
      return { status: 'rate_limited', retryAfterMs: 2_000 };
    };
    worker = createWorker({
      databaseUrl: testDatabaseUrl(),
      // Long, so every run below comes from a retry or an outcome, not from the interval.
      syncIntervalSeconds: 600,
      concurrency: 3,
      logger,
      tuning: {
        tickSeconds: 0.5,
        pollingIntervalSeconds: 0.5,
        retry: { limit: 2, delaySeconds: 1, delayMaxSeconds: 3 },
      },
      handler: recordingHandler(pool, 'w', sync),
    });
    await worker.start();
    await inspector.start();
  });

  afterAll(async () => {
    await worker.stop();
    await inspector.stop();
    await pool.end();
  });

  it('retries a failing sync with growing delays, then dead-letters it', async () => {
    const [deadLettered] = await waitFor(
      async () => {
        const jobs = await inspector.findJobs(CABINET_SYNC_DEAD_LETTER_QUEUE, { key: cabinets.failing });
        return jobs.length > 0 && jobs;
      },
      { what: 'the dead-lettered job' },
    );
    expect(deadLettered!.data).toMatchObject({ cabinetId: cabinets.failing });
    expect(deadLettered!.sourceName).toBe(CABINET_SYNC_QUEUE);

    const runs = await readRuns(pool, cabinets.failing);
    expect(runs.map((run) => run.result)).toEqual(Array(3).fill('threw: WB answered 503'));
    // pg-boss backoff with retryDelay 1: 1–2 s before the first retry, 2–4 s (capped at 3) before the second.
    const gaps = runs.slice(1).map((run, i) => seconds(runs[i]!.endedAt!, run.startedAt));
    expect(gaps[0]).toBeGreaterThanOrEqual(0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(1.9);
    expect(new Set(runs.map((run) => run.jobId)).size).toBe(1);

    const [original] = await inspector.findJobs(CABINET_SYNC_QUEUE, { id: deadLettered!.sourceId! });
    expect(original).toMatchObject({ state: 'failed', retryCount: 2 });

    const failures = lines.filter((line) => line.cabinetId === cabinets.failing && line.err);
    expect(failures.map((line) => [line.jobId, line.level, line.attempt])).toEqual([
      [runs[0]!.jobId, 40, 1],
      [runs[0]!.jobId, 40, 2],
      [runs[0]!.jobId, 50, 3],
    ]);
  });

  it('moves a rate-limited cabinet by the wait, without counting an error', async () => {
    const runs = await waitFor(
      async () => {
        const found = await readRuns(pool, cabinets.rateLimited);
        return found.length >= 2 && found;
      },
      { what: 'the sync after the wait' },
    );
    expect(runs.map((run) => run.result)).toEqual(['rate_limited', 'done']);
    // A new job once the 2 s wait is over (not a retry of the first, and not SYNC_INTERVAL later).
    expect(seconds(runs[0]!.endedAt!, runs[1]!.startedAt)).toBeGreaterThanOrEqual(1.9);
    expect(seconds(runs[0]!.endedAt!, runs[1]!.startedAt)).toBeLessThan(4);
    expect(runs[1]!.jobId).not.toBe(runs[0]!.jobId);
    const [first] = await inspector.findJobs(CABINET_SYNC_QUEUE, { id: runs[0]!.jobId });
    expect(first).toMatchObject({ state: 'completed', retryCount: 0 });
  });

  it('marks a cabinet whose key WB refused, and stops syncing it', async () => {
    await waitFor(async () => (await cabinetRow(pool, cabinets.keyInvalid)).status === 'key_invalid', {
      what: 'key_invalid',
    });
    expect(await cabinetRow(pool, cabinets.keyInvalid)).toMatchObject({ status_reason: 'WB: token revoked' });
    // Even when "sync now" is asked for, a cabinet without a valid key is not synced. A control
    // cabinet asked at the same moment proves the scheduler looked (and its job ran) since.
    const control = await insertCabinet(pool, { status: 'ready', nextSyncInSeconds: 3600 });
    await pool.query(`UPDATE cabinets SET next_sync_at = now() WHERE id = ANY($1::uuid[])`, [
      [cabinets.keyInvalid, control],
    ]);
    await waitFor(async () => (await readRuns(pool, control)).some((run) => run.result === 'done'), {
      what: 'the control cabinet synced',
    });
    expect(await readRuns(pool, cabinets.keyInvalid)).toHaveLength(1);
    // Nor is a job for it waiting to run.
    const jobs = await inspector.findJobs(CABINET_SYNC_QUEUE, { key: cabinets.keyInvalid });
    expect(jobs.filter((job) => ['created', 'retry', 'active'].includes(job.state))).toEqual([]);
  });
});
