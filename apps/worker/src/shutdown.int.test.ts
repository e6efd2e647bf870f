import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { CABINET_SYNC_QUEUE } from './queues.ts';
import type { CabinetSyncHandler } from './sync-handler.ts';
import { insertCabinet } from './testing/cabinets.ts';
import { captureLogs } from './testing/log-capture.ts';
import { createRunsTable, overlappingRuns, readRuns, recordingHandler, waitFor } from './testing/sync-runs.ts';
import { createWorker, type WorkerTuning } from './worker.ts';

describe('graceful stop', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  const inspector = new PgBoss({ connectionString: testDatabaseUrl(), supervise: false, schedule: false });
  const startWorker = async (name: string, sync: CabinetSyncHandler, tuning: Partial<WorkerTuning> = {}) => {
    const worker = createWorker({
      databaseUrl: testDatabaseUrl(),
      syncIntervalSeconds: 600,
      concurrency: 2,
      logger: captureLogs().logger,
      tuning: { tickSeconds: 0.5, pollingIntervalSeconds: 0.5, ...tuning },
      handler: recordingHandler(pool, name, sync),
    });
    await worker.start();
    return worker;
  };
  const runStarted = (cabinetId: string, count = 1) =>
    waitFor(async () => (await readRuns(pool, cabinetId)).length >= count, { what: 'a sync to start' });

  beforeAll(async () => {
    await createRunsTable(pool);
    await inspector.start();
  });
  afterAll(async () => {
    await inspector.stop();
    await pool.end();
  });

  it('lets a running sync finish before it resolves', async () => {
    const cabinetId = await insertCabinet(pool, { status: 'ready' });
    const worker = await startWorker('only', async () => {
      await sleep(1_500);
      return { status: 'done' };
    });
    await runStarted(cabinetId);
    await worker.stop();

    const [run] = await readRuns(pool, cabinetId);
    expect(run).toMatchObject({ result: 'done' });
    const [job] = await inspector.findJobs(CABINET_SYNC_QUEUE, { id: run!.jobId });
    expect(job).toMatchObject({ state: 'completed', retryCount: 0 });
  });

  it('after the timeout, aborts the sync and releases it to another worker without spending a retry', async () => {
    const cabinetId = await insertCabinet(pool, { status: 'ready' });
    const first = await startWorker(
      'first',
      async ({ signal }) => {
        await sleep(30_000, undefined, { signal });
        return { status: 'done' };
      },
      { shutdownTimeoutMs: 1_000 },
    );
    await runStarted(cabinetId);
    const second = await startWorker('second', async () => {
      await sleep(300);
      return { status: 'done' };
    });
    try {
      const stopping = Date.now();
      await first.stop();
      expect(Date.now() - stopping).toBeLessThan(3_000);
      await waitFor(async () => (await readRuns(pool, cabinetId))[1]?.result === 'done', {
        what: 'the second worker to sync the released cabinet',
      });
    } finally {
      await second.stop();
    }

    const runs = await readRuns(pool, cabinetId);
    expect(runs.map((run) => [run.worker, run.result])).toEqual([
      ['first', expect.stringMatching(/^threw: .*aborted/)],
      ['second', 'done'],
    ]);
    expect(await overlappingRuns(pool)).toBe(0);
    const [released] = await inspector.findJobs(CABINET_SYNC_QUEUE, { id: runs[0]!.jobId });
    expect(released).toMatchObject({ state: 'completed', retryCount: 0, output: { status: 'released' } });
  });
});
