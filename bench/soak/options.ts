/** What one soak run does: its size, the system's settings, and the faults it injects. */
export interface SoakOptions {
  cabinets: number;
  /** Every n-th cabinet gets a second member (a teammate invited by the owner); 0: nobody. */
  secondMemberEvery: number;
  /** Seconds of shop life with faults; the setup before and the drain after come on top. */
  liveSeconds: number;
  /** The worker's SYNC_INTERVAL. */
  syncIntervalSeconds: number;
  /**
   * WB's rate limits, as a factor of their real length, on both sides: the emulator enforces them
   * and the worker keeps to them (WB_RATE_LIMIT_SCALE). 1 is WB itself.
   */
  rateLimitScale: number;
  /** Orders a day per shop at the hour the run starts (the emulator's daily curve is evened out). */
  ordersPerDay: number;
  /** Worker processes; the first is the one killed. */
  workers: number;
  /** WORKER_CONCURRENCY of each worker. */
  workerConcurrency: number;
  /**
   * The worker's entry file: the production main.ts, or the chaos test's entry (the same app with
   * pg-boss heartbeats and the delivery lease shortened) when a short run cannot wait a minute
   * for a killed worker's leases to expire.
   */
  workerEntry: string;
  /** Upper bound of the drain after the live phase. */
  drainSeconds: number;
  faults: FaultOptions;
  /** Seed of the emulator's shops. */
  seed: number;
  /** Progress lines while it runs; the report is returned either way. */
  log: (line: string) => void;
  /** Keep the process logs (and the database folder) after the run; they are kept anyway when it fails. */
  keepLogs: boolean;
}

export interface FaultOptions {
  /**
   * Not a fault: a flash sale, this many orders at once in `burstShops` shops, so one sync finds
   * more than five new orders and the bot sends them as one grouped message.
   */
  burstOrders: number;
  burstShops: number;
  /** Every WB method answers 429 (with WB's retry headers) for this long. */
  wbRateLimitStormSeconds: number;
  /** Every WB method answers 500 for this long. */
  wbServerErrorSeconds: number;
  /** A worker is SIGKILLed and started again after this long. */
  workerDownSeconds: number;
  /** PostgreSQL is stopped and started again after this long. */
  postgresDownSeconds: number;
  /** The bot is SIGKILLed and started again after this long. */
  botDownSeconds: number;
  /** Telegram answers this many sends with 429 … */
  telegramRefusals: number;
  /** … each with this retry_after (seconds). */
  telegramRetryAfterSeconds: number;
}

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

/**
 * Faults sized to the run: the ten minutes get a 30 s 429 storm and the bot down for a
 * minute; a shorter run gets proportionally shorter faults (never shorter than a few seconds,
 * or they would fall between two syncs and test nothing).
 */
export function faultsFor(liveSeconds: number, cabinets: number): FaultOptions {
  return {
    burstOrders: 8,
    burstShops: clamp(cabinets * 0.05, 1, 10),
    wbRateLimitStormSeconds: clamp(liveSeconds * 0.05, 3, 30),
    wbServerErrorSeconds: clamp(liveSeconds * 0.035, 2, 20),
    workerDownSeconds: clamp(liveSeconds * 0.017, 2, 10),
    postgresDownSeconds: clamp(liveSeconds * 0.017, 2, 10),
    botDownSeconds: clamp(liveSeconds * 0.1, 10, 60),
    telegramRefusals: clamp(cabinets * 0.3, 10, 60),
    telegramRetryAfterSeconds: 5,
  };
}

/**
 * A soak against WB's real limits: a sync a minute per cabinet (the shortest interval WB's
 * limits allow: sales answer once a minute per seller), one order a minute per shop.
 */
export function realLimitsSoak(cabinets: number, liveSeconds: number): Omit<SoakOptions, 'log'> {
  const faults = faultsFor(liveSeconds, cabinets);
  return {
    cabinets,
    secondMemberEvery: 4,
    liveSeconds,
    syncIntervalSeconds: 60,
    rateLimitScale: 1,
    ordersPerDay: 1440,
    workers: 2,
    // Syncs spend most of their time waiting for WB's buckets, not on the CPU.
    workerConcurrency: 16,
    workerEntry: 'apps/worker/src/main.ts',
    // Two sync intervals, the bot's longest backoff after its downtime (about a minute), margin.
    drainSeconds: Math.max(240, 2 * 60 + faults.botDownSeconds * 2 + 120),
    faults,
    seed: 9,
    keepLogs: false,
  };
}

/** The soak: 200 cabinets for 10 minutes. */
export const FULL_SOAK = realLimitsSoak(200, 600);

/**
 * The short soak of the test suite: a few cabinets, WB's limits a hundred times shorter so a
 * cabinet syncs every 2 s, every fault once and briefly.
 */
export const SHORT_SOAK: Omit<SoakOptions, 'log'> = {
  cabinets: 5,
  secondMemberEvery: 2,
  liveSeconds: 60,
  syncIntervalSeconds: 2,
  rateLimitScale: 0.01,
  ordersPerDay: 12_000,
  workers: 2,
  workerConcurrency: 4,
  workerEntry: 'apps/worker/src/testing/chaos-worker.ts',
  drainSeconds: 50,
  faults: {
    burstOrders: 8,
    burstShops: 2,
    wbRateLimitStormSeconds: 4,
    wbServerErrorSeconds: 3,
    workerDownSeconds: 2,
    postgresDownSeconds: 2,
    botDownSeconds: 10,
    telegramRefusals: 10,
    telegramRetryAfterSeconds: 2,
  },
  seed: 5,
  keepLogs: false,
};
