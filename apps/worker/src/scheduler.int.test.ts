import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { insertCabinet } from './testing/cabinets.ts';
import { captureLogs } from './testing/log-capture.ts';
import { createRunsTable, readRuns, recordingHandler } from './testing/sync-runs.ts';
import { createWorker } from './worker.ts';

// The case: SYNC_INTERVAL=10 with the worker's own timings (a tick and a poll of 1 s).
const INTERVAL = 10;
const RUN_FOR_MS = 25_000;
// A sync may start up to one tick plus one poll after it came due.
const SLACK_S = 1 + 1;

describe('scheduler', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  afterAll(() => pool.end());
  const cabinets = { ready: '', readyNeverScheduled: '', readyLater: '', initial: '', paused: '', keyInvalid: '' };

  beforeAll(async () => {
    await createRunsTable(pool);
    cabinets.ready = await insertCabinet(pool, { status: 'ready' });
    cabinets.readyNeverScheduled = await insertCabinet(pool, { status: 'ready', nextSyncInSeconds: null });
    cabinets.readyLater = await insertCabinet(pool, { status: 'ready', nextSyncInSeconds: 3600 });
    cabinets.initial = await insertCabinet(pool, { status: 'initial_sync' });
    cabinets.paused = await insertCabinet(pool, { status: 'paused' });
    cabinets.keyInvalid = await insertCabinet(pool, { status: 'key_invalid' });

    const worker = createWorker({
      databaseUrl: testDatabaseUrl(),
      syncIntervalSeconds: INTERVAL,
      concurrency: 4,
      logger: captureLogs().logger,
      handler: recordingHandler(pool, 'w', async ({ cabinetId, kind }) => {
        // As the real initial sync does when it ends.
        if (kind === 'initial') await pool.query(`UPDATE cabinets SET status = 'ready' WHERE id = $1`, [cabinetId]);
        return { status: 'done' };
      }),
    });
    await worker.start();
    await sleep(RUN_FOR_MS);
    await worker.stop();
  }, 40_000);

  const startsOf = async (key: keyof typeof cabinets) =>
    (await readRuns(pool, cabinets[key])).map((run) => run.startedAt.getTime() / 1000);

  it.each(['ready', 'readyNeverScheduled', 'initial'] as const)(
    'syncs the due %s cabinet every SYNC_INTERVAL, not more often',
    async (key) => {
      const starts = await startsOf(key);
      // Due at once, then every 10 s over 25 s: 3 runs.
      expect(starts.length).toBeGreaterThanOrEqual(3);
      expect(starts.length).toBeLessThanOrEqual(Math.floor(RUN_FOR_MS / 1000 / INTERVAL) + 1);
      const gaps = starts.slice(1).map((start, i) => start - starts[i]!);
      for (const gap of gaps) {
        expect(gap).toBeGreaterThan(INTERVAL - SLACK_S);
        expect(gap).toBeLessThan(INTERVAL + 2 * SLACK_S);
      }
    },
  );

  it('runs an initial sync first, periodic syncs after it', async () => {
    const kinds = (await readRuns(pool, cabinets.initial)).map((run) => run.kind);
    expect(kinds[0]).toBe('initial');
    expect(kinds.slice(1)).toEqual(kinds.slice(1).map(() => 'periodic'));
  });

  it('never syncs paused, key_invalid or not-yet-due cabinets', async () => {
    expect(await startsOf('paused')).toEqual([]);
    expect(await startsOf('keyInvalid')).toEqual([]);
    expect(await startsOf('readyLater')).toEqual([]);
  });
});
