import { setTimeout as sleep } from 'node:timers/promises';
import type { TelegramFake } from '@wb-assist/telegram-fake';
import type { RunningEmulator } from '@wb-assist/wb-emulator';
import type { FaultOptions } from './options.ts';
import type { Apps } from './start-apps.ts';
import type { SoakDatabase } from './start-database.ts';

/** One injected fault, with its times in seconds from the start of the live phase. */
export interface FaultRecord {
  fault: string;
  startS: number;
  endS: number;
}

export interface FaultTargets {
  emulator: RunningEmulator;
  /** The shops, in cabinet order. */
  sids: string[];
  telegram: TelegramFake;
  database: SoakDatabase;
  apps: Apps;
}

interface Step {
  /** When, as a share of the live phase. */
  at: number;
  describe: (faults: FaultOptions) => string;
  run: (targets: FaultTargets, faults: FaultOptions) => Promise<void>;
}

/** A count no run reaches: an emulator fault then lasts until it is cleared. */
const UNTIL_CLEARED = 1_000_000_000;

/**
 * Emulator faults are queued per method for the next N requests; a storm is one with no end,
 * cleared after its time. The control API has no route to clear faults alone (its reset would
 * drop the shops too), so the in-process store clears them.
 */
async function wbFaultFor(targets: FaultTargets, kind: '429' | '5xx', seconds: number): Promise<void> {
  await targets.emulator.control.injectFault({ method: '*', kind, count: UNTIL_CLEARED });
  await sleep(seconds * 1000);
  targets.emulator.store.faults.clear();
}

/**
 * The faults, spread over the live phase one after another (each ends before the next begins),
 * so the report can tell which one a loss or a duplicate followed. The last one leaves a fifth
 * of the run to settle before the drain.
 */
const STEPS: Step[] = [
  {
    at: 0.04,
    describe: (f) =>
      `flash sale (not a fault): ${f.burstOrders} orders at once in each of ${f.burstShops} shops, for the bot to group`,
    run: async (t, f) => {
      for (const sid of t.sids.slice(0, f.burstShops)) {
        for (let i = 0; i < f.burstOrders; i++) await t.emulator.control.addOrder(sid);
      }
    },
  },
  {
    at: 0.1,
    describe: (f) =>
      `WB 429 storm: every WB method answers 429 with WB's retry headers for ${f.wbRateLimitStormSeconds} s`,
    run: (t, f) => wbFaultFor(t, '429', f.wbRateLimitStormSeconds),
  },
  {
    at: 0.22,
    describe: (f) => `WB 5xx: every WB method answers 500 for ${f.wbServerErrorSeconds} s`,
    run: (t, f) => wbFaultFor(t, '5xx', f.wbServerErrorSeconds),
  },
  {
    at: 0.34,
    describe: (f) => `worker-1 SIGKILLed, started again after ${f.workerDownSeconds} s`,
    run: async (t, f) => {
      const worker = t.apps.workers[0]!;
      await worker.kill();
      await sleep(f.workerDownSeconds * 1000);
      await worker.start();
    },
  },
  {
    at: 0.46,
    describe: (f) =>
      `PostgreSQL stopped (fast shutdown, every connection dropped), started again after ${f.postgresDownSeconds} s`,
    run: (t, f) => t.database.restart(f.postgresDownSeconds * 1000),
  },
  {
    at: 0.6,
    describe: (f) => `bot SIGKILLed (its endpoint refuses connections), started again after ${f.botDownSeconds} s`,
    run: async (t, f) => {
      await t.apps.bot.kill();
      await sleep(f.botDownSeconds * 1000);
      await t.apps.bot.start();
    },
  },
  {
    at: 0.8,
    describe: (f) =>
      `Telegram answers the next ${f.telegramRefusals} sends with 429 retry_after=${f.telegramRetryAfterSeconds}`,
    run: async (t, f) => {
      t.telegram.control.failNextSends(f.telegramRefusals, f.telegramRetryAfterSeconds);
    },
  },
];

/** Runs the live phase: the faults at their times, then waits out the rest of it. */
export async function runFaultSchedule(options: {
  targets: FaultTargets;
  faults: FaultOptions;
  liveSeconds: number;
  syncIntervalSeconds: number;
  log: (line: string) => void;
}): Promise<FaultRecord[]> {
  const start = Date.now();
  const elapsedS = () => (Date.now() - start) / 1000;
  const records: FaultRecord[] = [];
  // Right after the initial syncs no cabinet is due for a whole interval: a fault then would
  // meet no sync at all. The schedule spreads over what follows the first interval.
  const offsetS = Math.min(options.syncIntervalSeconds, options.liveSeconds * 0.2);
  for (const step of STEPS) {
    const wait = start + (offsetS + step.at * (options.liveSeconds - offsetS)) * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    const fault = step.describe(options.faults);
    const startS = elapsedS();
    options.log(`t=${startS.toFixed(1)} s: ${fault}`);
    await step.run(options.targets, options.faults);
    records.push({ fault, startS, endS: elapsedS() });
  }
  const rest = start + options.liveSeconds * 1000 - Date.now();
  if (rest > 0) await sleep(rest);
  return records;
}
