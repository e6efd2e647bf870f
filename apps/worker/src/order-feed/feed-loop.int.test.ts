import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, waitFor } from '@wb-assist/db/testing';
import { insertCabinet } from '../testing/cabinets.ts';
import { captureLogs } from '../testing/log-capture.ts';
import { createFeedLoop } from './feed-loop.ts';

const INTERVAL_MS = 500;
const LEAD_MS = 100;
const RUN_FOR_MS = 2_600;
const ANALYTICS = 1 << 2;

describe('order feed loop', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  afterAll(() => pool.end());
  const reads = new Map<string, number[]>();
  const cabinets = { personal: '', service: '', base: '', noAnalytics: '', initial: '', limited: '' };
  const backlog: string[] = [];

  async function cabinet(status: 'ready' | 'initial_sync', type: string, scopes: number): Promise<string> {
    const id = await insertCabinet(pool, { status });
    await pool.query('UPDATE cabinets SET token_type = $2, token_scopes = $3 WHERE id = $1', [id, type, scopes]);
    return id;
  }

  beforeAll(async () => {
    cabinets.personal = await cabinet('ready', 'personal', ANALYTICS);
    cabinets.service = await cabinet('ready', 'service', ANALYTICS | 1);
    cabinets.base = await cabinet('ready', 'base', ANALYTICS);
    cabinets.noAnalytics = await cabinet('ready', 'personal', 1 << 5);
    cabinets.initial = await cabinet('initial_sync', 'personal', ANALYTICS);
    cabinets.limited = await cabinet('ready', 'personal', ANALYTICS);
    for (let i = 0; i < 40; i += 1) backlog.push(await cabinet('ready', 'personal', ANALYTICS));

    const loop = createFeedLoop({
      pool,
      logger: captureLogs().logger,
      intervalMs: INTERVAL_MS,
      leadMs: LEAD_MS,
      concurrency: 2,
      shutdownTimeoutMs: 1_000,
      handler: async ({ cabinetId }) => {
        reads.set(cabinetId, [...(reads.get(cabinetId) ?? []), Date.now()]);
        await sleep(10);
        // WB asks this one to wait: it is read again only after the wait, not every interval.
        if (cabinetId === cabinets.limited) return { status: 'rate_limited', retryAfterMs: 60_000 };
        return { status: 'done' };
      },
    });
    const started = Date.now();
    loop.start();
    await sleep(RUN_FOR_MS);
    await loop.stop();
    reads.set('started', [started]);
  }, 20_000);

  it.each(['personal', 'service'] as const)('reads the %s key’s feed every interval, not more often', (key) => {
    const times = reads.get(cabinets[key]) ?? [];
    expect(times.length).toBeGreaterThanOrEqual(4);
    expect(times.length).toBeLessThanOrEqual(Math.floor(RUN_FOR_MS / INTERVAL_MS) + 1);
    // Claimed up to the lead early (the WB client then waits for the bucket), never earlier.
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - LEAD_MS - 10);
  });

  it('leaves Base keys, keys without Analytics and cabinets in their initial sync alone', () => {
    expect(reads.get(cabinets.base)).toBeUndefined();
    expect(reads.get(cabinets.noAnalytics)).toBeUndefined();
    expect(reads.get(cabinets.initial)).toBeUndefined();
  });

  it('honours WB’s wait', () => {
    expect(reads.get(cabinets.limited)).toHaveLength(1);
  });

  it('drains a backlog at the speed of the reads, two at a time', () => {
    const started = reads.get('started')![0]!;
    const firsts = backlog.map((id) => reads.get(id)?.[0] ?? Infinity);
    // 46 due cabinets, two reads of ~10 ms at a time: all read within about an interval (a
    // loaded machine's claims take tens of ms each). One read per tick would take 46 ticks: 2.3 s.
    expect(Math.max(...firsts) - started).toBeLessThan(2 * INTERVAL_MS);
  });
});

describe('a read slower than the interval', () => {
  const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  afterAll(() => pool.end());

  it('is never run twice at once for one cabinet', async () => {
    const slow = await insertCabinet(pool, { status: 'ready' });
    await pool.query('UPDATE cabinets SET token_type = $2, token_scopes = $3 WHERE id = $1', [
      slow,
      'personal',
      ANALYTICS,
    ]);
    let inFlight = 0;
    let most = 0;
    let reads = 0;
    const loop = createFeedLoop({
      pool,
      logger: captureLogs().logger,
      intervalMs: 100,
      concurrency: 8,
      shutdownTimeoutMs: 1_000,
      handler: async ({ cabinetId }) => {
        if (cabinetId !== slow) return { status: 'done' };
        inFlight += 1;
        reads += 1;
        most = Math.max(most, inFlight);
        // Three intervals: the cabinet comes due twice more while this read goes on.
        await sleep(300);
        inFlight -= 1;
        return { status: 'done' };
      },
    });
    loop.start();
    // Three reads one after another: the cabinet came due while each of the first two went on.
    await waitFor(async () => reads >= 3, { what: 'three reads of the slow cabinet' });
    await loop.stop();
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
  });
});
