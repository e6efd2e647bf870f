import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectCabinet } from '@wb-assist/core';
import { createPrismaClient } from '@wb-assist/db';
import { createLogger } from '@wb-assist/logger';
import { MemoryRateLimiter, PostgresRateLimiter, type WbHosts } from '@wb-assist/wb-api';
import {
  startEmulator,
  type Category,
  type CreateSellerInput,
  type RunningEmulator,
  type StartOptions,
} from '@wb-assist/wb-emulator';
import { syncCabinet, type SyncCabinetOptions } from '../sync-cabinet.ts';
import { syncCabinetOrderFeed, type SyncOrderFeedOptions } from '../sync-order-feed.ts';

/** A real PostgreSQL, the WB emulator on its fast clock, and cabinets connected the real way. */
export async function createHarness(databaseUrl: string, emulatorOptions: StartOptions = {}) {
  const emulator: RunningEmulator = await startEmulator({
    seed: 11,
    profile: 'fast',
    publishIntervalMinutes: 0,
    ...emulatorOptions,
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const prisma = createPrismaClient(databaseUrl, { poolSize: 2 });
  const encryptionKey = randomBytes(32);
  const hosts: WbHosts = emulator.hosts;
  const log = createLogger({ name: 'sync-test', level: 'silent' });
  let telegramId = 900_000_000n;

  async function connect(
    input: {
      seller?: CreateSellerInput;
      /** A seller the test has already set up, instead of a new one. */
      sid?: string;
      categories?: Category[];
      type?: 'personal' | 'base';
      /** The key's expiry, unix seconds. */
      exp?: number;
    } = {},
  ) {
    const seller =
      input.sid === undefined
        ? await emulator.control.createSeller(input.seller ?? {})
        : await emulator.control.seller(input.sid);
    const token = await emulator.control.createToken({
      sid: seller.sid,
      type: input.type ?? 'personal',
      categories: input.categories ?? ['statistics', 'analytics', 'feedbacks', 'content'],
      exp: input.exp,
    });
    telegramId += 1n;
    const user = await prisma.user.create({ data: { telegramId } });
    const result = await connectCabinet({
      prisma,
      userId: user.id,
      key: token.token,
      wb: { hosts, limiter: new MemoryRateLimiter() },
      encryptionKey,
    });
    if (!result.ok) throw new Error(`connect failed: ${result.message}`);
    return { seller, token, user, cabinetId: result.cabinetId };
  }

  const wb = () => ({
    hosts,
    limiter: new PostgresRateLimiter(pool),
    rateLimitScale: 0.001,
    maxWaitMs: 2_000,
    minBackoffMs: 20,
    retries: 3,
    statisticsPageLimit: emulatorOptions.pageLimit,
  });
  const settings = { initialSyncDays: 30, lookbackMinutes: 120 };

  function sync(cabinetId: string, overrides: Partial<SyncCabinetOptions> = {}) {
    return syncCabinet({ pool, cabinetId, kind: 'periodic', wb: wb(), encryptionKey, settings, log, ...overrides });
  }

  /**
   * One read of the cabinet's real-time order feed, as the worker's loop makes it: a read the
   * shared rate limit turns away (WB's one a minute, here at 1/1000) is made again once the
   * wait it names is over, so back-to-back reads in a test do not hinge on a few milliseconds.
   */
  async function feed(cabinetId: string, overrides: Partial<SyncOrderFeedOptions> = {}) {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await syncCabinetOrderFeed({
        pool,
        cabinetId,
        wb: wb(),
        encryptionKey,
        settings,
        log,
        ...overrides,
      });
      if (outcome.status !== 'rate_limited' || attempt === 5) return outcome;
      await new Promise((resolve) => setTimeout(resolve, Math.min(outcome.retryAfterMs, 2_000)));
    }
  }

  async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await pool.query<T>(sql, params)).rows;
  }

  return {
    emulator,
    pool,
    prisma,
    connect,
    sync,
    feed,
    query,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await emulator.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
