import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { inheritedEnv, startWorker, type AppProcess } from '@wb-assist/test-system';
import { insertCabinet } from './testing/cabinets.ts';
import { createRunsTable, overlappingRuns, readRuns, waitFor } from './testing/sync-runs.ts';

interface WorkerProcessEnv {
  SYNC_INTERVAL: string;
  RUN_MS: string;
  WORKER_CONCURRENCY: string;
}

function startWorkerProcess(name: string, env: WorkerProcessEnv): AppProcess {
  return startWorker({
    name,
    entry: 'apps/worker/src/testing/worker-process.ts',
    env: inheritedEnv({ ...env, DATABASE_URL: testDatabaseUrl(), WORKER_NAME: name }),
  });
}

const started = (child: AppProcess) => child.waitForOutput('started');

describe('two worker processes on one database', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  const children: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.stop('SIGKILL')));
    await pool.end();
  });

  beforeAll(() => createRunsTable(pool));

  it('share the work and never sync one cabinet twice at once', async () => {
    const ids = [
      await insertCabinet(pool, { status: 'initial_sync' }),
      await insertCabinet(pool, { status: 'initial_sync' }),
    ];
    for (let i = 0; i < 4; i++) ids.push(await insertCabinet(pool, { status: 'ready' }));

    // Each sync outlasts the interval, so cabinets come due while their previous sync runs.
    const env = { SYNC_INTERVAL: '1', RUN_MS: '1500', WORKER_CONCURRENCY: '3' };
    const pair = [startWorkerProcess('a', env), startWorkerProcess('b', env)];
    children.push(...pair);
    await Promise.all(pair.map(started));
    // Runs long enough for what the assertions need, however slow the machine: every cabinet
    // synced twice to the end (so it came due during a run) and both processes took part.
    await waitFor(
      async () => {
        const done = (await readRuns(pool)).filter((run) => run.result === 'done');
        return (
          new Set(done.map((run) => run.worker)).size === 2 &&
          ids.every((id) => done.filter((run) => run.cabinetId === id).length >= 2)
        );
      },
      { what: 'two finished syncs of every cabinet, by both processes', timeoutMs: 30_000 },
    );
    expect(await Promise.all(pair.map((child) => child.stop()))).toEqual([0, 0]);

    const runs = await readRuns(pool);
    expect(await overlappingRuns(pool)).toBe(0);
    expect(new Set(runs.map((run) => run.worker))).toEqual(new Set(['a', 'b']));
    for (const id of ids) {
      expect(runs.filter((run) => run.cabinetId === id).length).toBeGreaterThanOrEqual(2);
    }
    // Graceful stop let every sync in progress finish.
    expect(runs.every((run) => run.result === 'done')).toBe(true);
  });

  it('run again the sync of a process that was killed mid-sync', async () => {
    // Only this test's cabinet may be synced.
    await pool.query(`UPDATE cabinets SET status = 'paused'`);
    const cabinetId = await insertCabinet(pool, { status: 'ready' });
    // A long interval: the second run can only come from pg-boss noticing the dead worker.
    const doomed = startWorkerProcess('doomed', { SYNC_INTERVAL: '600', RUN_MS: '60000', WORKER_CONCURRENCY: '1' });
    children.push(doomed);
    await started(doomed);
    await waitFor(async () => (await readRuns(pool, cabinetId)).length > 0, { what: 'the first sync to start' });
    const survivor = startWorkerProcess('survivor', { SYNC_INTERVAL: '600', RUN_MS: '100', WORKER_CONCURRENCY: '1' });
    children.push(survivor);
    await started(survivor);
    await doomed.stop('SIGKILL');
    const killedAt = Date.now();

    const runs = await waitFor(
      async () => {
        const found = await readRuns(pool, cabinetId);
        return found[1]?.result === 'done' && found;
      },
      { what: 'the survivor to redo the sync', timeoutMs: 20_000 },
    );
    expect(runs.map((run) => [run.worker, run.result])).toEqual([
      ['doomed', null],
      ['survivor', 'done'],
    ]);
    expect(runs[1]!.startedAt.getTime()).toBeGreaterThan(killedAt);
    expect(runs[1]!.jobId).toBe(runs[0]!.jobId);
    expect(await survivor.stop()).toBe(0);
  });
});
