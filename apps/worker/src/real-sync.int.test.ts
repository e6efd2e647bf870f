import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { connectUser } from './testing/connect-user.ts';
import { appEnv, startWorker as startProcess, type AppProcess } from '@wb-assist/test-system';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';

// WB's limits at 1/20 of their time: sales allow one call per 3 s per seller, which a sync
// every second would exceed unless both processes share one budget.
const SCALE = 0.05;
const encryptionKey = randomBytes(32);
const pool = new pg.Pool({ connectionString: testDatabaseUrl() });
const prisma = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-worker-'));
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 21, profile: 'real', rateLimitScale: SCALE, publishIntervalMinutes: 0 });
});
afterAll(async () => {
  await emulator.close();
  await prisma.$disconnect();
  await pool.end();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startWorker(name: string, extra: Record<string, string> = {}): Promise<AppProcess> {
  return startProcess({
    name,
    prefixOutput: true,
    env: await appEnv({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      emulatorUrl: emulator.url,
      encryptionKey,
      webhookSecret: randomBytes(24).toString('hex'),
      extra: {
        WORKER_CONCURRENCY: '2',
        WB_RATE_LIMIT_SCALE: String(SCALE),
        LOG_FORMAT: 'json',
        ...extra,
      },
    }),
  });
}

it('two worker processes sync real cabinets from WB without ever running one twice at once or drawing a 429', async () => {
  const cabinetIds: string[] = [];
  for (const [index, name] of ['ИП Орлова', 'ООО Ромашка'].entries()) {
    const seller = await emulator.control.createSeller({ name, historyDays: 2, traffic: { ordersPerDay: 50 } });
    const connected = await connectUser({
      prisma,
      emulator,
      sid: seller.sid,
      telegramId: BigInt(5_000 + index),
      encryptionKey,
    });
    cabinetIds.push(connected.cabinetId);
  }

  const workers = [await startWorker('a'), await startWorker('b')];
  const deadline = Date.now() + 40_000;
  const syncsOf = async () =>
    (
      await pool.query<{ cabinet_id: string; n: string }>(
        `SELECT cabinet_id, count(*) AS n FROM wb_sync_logs WHERE status = 'success' GROUP BY cabinet_id`,
      )
    ).rows;
  while (Date.now() < deadline) {
    const counts = await syncsOf();
    if (counts.length === cabinetIds.length && counts.every((row) => Number(row.n) >= 4)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const codes = await Promise.all(workers.map((worker) => worker.stop()));
  const output = workers.map((worker) => worker.output()).join('');
  expect(codes, output).toEqual([0, 0]);

  const counts = await syncsOf();
  expect(
    counts.map((row) => Number(row.n) >= 4),
    output,
  ).toEqual([true, true]);
  const { rows: overlaps } = await pool.query(
    `SELECT a.id FROM wb_sync_logs a JOIN wb_sync_logs b
       ON a.cabinet_id = b.cabinet_id AND a.id < b.id
      AND tstzrange(a.started_at, a.completed_at) && tstzrange(b.started_at, b.completed_at)`,
  );
  expect(overlaps).toEqual([]);
  const { rows: cabinets } = await pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = ANY($1)', [
    cabinetIds,
  ]);
  expect(cabinets.map((row) => row.status)).toEqual(['ready', 'ready']);

  const stats = await emulator.control.stats();
  expect(stats.requests.sales).toBeGreaterThanOrEqual(8);
  expect(stats.requests['order-feed']).toBeGreaterThan(0);
  expect(stats.limited).toEqual({});
});

it('reads no order feed with ORDER_FEED_ENABLED=false: statistics alone bring the orders', async () => {
  const seller = await emulator.control.createSeller({
    name: 'ИП Без ленты',
    historyDays: 2,
    traffic: { ordersPerDay: 50 },
  });
  const { cabinetId } = await connectUser({ prisma, emulator, sid: seller.sid, telegramId: 5_100n, encryptionKey });
  const worker = await startWorker('no-feed', { ORDER_FEED_ENABLED: 'false' });
  // A sync a second: by the eighth the feed (a read every ~3 s at this scale) would have been read twice.
  const deadline = Date.now() + 40_000;
  let syncs = 0;
  while (syncs < 8 && Date.now() < deadline) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM wb_sync_logs WHERE cabinet_id = $1 AND status = 'success'`,
      [cabinetId],
    );
    syncs = rows[0]!.n;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(await worker.stop(), worker.output()).toBe(0);
  expect(syncs, worker.output()).toBeGreaterThanOrEqual(8);
  const groups = new Set((await emulator.control.requests(seller.sid)).requests.map((request) => request.group));
  expect(groups).toContain('orders');
  expect(groups).not.toContain('order-feed');
});
