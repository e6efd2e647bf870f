import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { CABINET_SYNC_QUEUE } from './queues.ts';
import { insertCabinet } from './testing/cabinets.ts';
import { captureLogs } from './testing/log-capture.ts';
import { createRunsTable, overlappingRuns, readRuns, recordingHandler, waitFor } from './testing/sync-runs.ts';
import { createWorker, type Worker } from './worker.ts';

const PERIODIC_MS = 2_000;
const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

describe('sync requests', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  const inspector = new PgBoss({ connectionString: testDatabaseUrl(), supervise: false, schedule: false });
  let worker: Worker;
  const runsOf = (cabinetId: string) => readRuns(pool, cabinetId);
  const runCount = (cabinetId: string, count: number) =>
    waitFor(async () => {
      const runs = await runsOf(cabinetId);
      return runs.length >= count && runs.every((run) => run.endedAt) && runs;
    });

  beforeAll(async () => {
    await createRunsTable(pool);
    await inspector.start();
    worker = createWorker({
      databaseUrl: testDatabaseUrl(),
      // Long: every sync after the first comes from a request.
      syncIntervalSeconds: 600,
      // One slot for any sync, one kept for initial syncs.
      concurrency: 2,
      logger: captureLogs().logger,
      tuning: { tickSeconds: 0.5, pollingIntervalSeconds: 0.5 },
      handler: recordingHandler(pool, 'w', async ({ kind }) => {
        await sleep(kind === 'initial' ? 200 : PERIODIC_MS);
        return { status: 'done' };
      }),
    });
    await worker.start();
  });

  afterAll(async () => {
    await worker.stop();
    await inspector.stop();
    await pool.end();
  });

  it('runs a "sync now" made during a running sync right after it, not alongside', async () => {
    const cabinetId = await insertCabinet(pool, { status: 'ready' });
    await waitFor(async () => (await runsOf(cabinetId)).length > 0);
    await pool.query(`UPDATE cabinets SET next_sync_at = now() WHERE id = $1`, [cabinetId]);

    const [first, second] = await runCount(cabinetId, 2);
    expect(seconds(first!.endedAt!, second!.startedAt)).toBeGreaterThanOrEqual(0);
    expect(seconds(first!.endedAt!, second!.startedAt)).toBeLessThan(1.5);
    expect(await overlappingRuns(pool)).toBe(0);
  });

  it('starts an initial sync at once while periodic syncs wait, and skips a cabinet paused while queued', async () => {
    const periodic: string[] = [];
    for (let i = 0; i < 3; i++) periodic.push(await insertCabinet(pool, { status: 'ready', nextSyncInSeconds: 3600 }));
    // Due together, so one tick queues all three; the one general slot takes one at a time.
    await pool.query(`UPDATE cabinets SET next_sync_at = now() WHERE id = ANY($1)`, [periodic]);
    const [running] = await waitFor(async () => {
      const runs = (await readRuns(pool)).filter((run) => periodic.includes(run.cabinetId));
      return runs.length > 0 && runs;
    });
    const [next, paused] = periodic.filter((id) => id !== running!.cabinetId) as [string, string];
    const [pausedJob] = await waitFor(async () => {
      const jobs = await inspector.findJobs(CABINET_SYNC_QUEUE, { key: paused, queued: true });
      return jobs.length > 0 && jobs;
    });
    await pool.query(`UPDATE cabinets SET status = 'paused' WHERE id = $1`, [paused]);
    const initial = await insertCabinet(pool, { status: 'initial_sync' });

    const [initialRun] = await runCount(initial, 1);
    const [periodicRun] = await runCount(running!.cabinetId, 1);
    expect(initialRun!.kind).toBe('initial');
    // It did not wait for the periodic sync holding the general slot.
    expect(initialRun!.startedAt.getTime()).toBeLessThan(periodicRun!.endedAt!.getTime());

    await runCount(next, 1);
    const job = await waitFor(async () => {
      const [found] = await inspector.findJobs(CABINET_SYNC_QUEUE, { id: pausedJob!.id });
      return found?.state === 'completed' && found;
    });
    expect(job.output).toEqual({ status: 'skipped', reason: 'cabinet is paused' });
    expect(await runsOf(paused)).toEqual([]);
  });
});
