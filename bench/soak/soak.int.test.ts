import { expect, it } from 'vitest';
import { SHORT_SOAK } from './options.ts';
import { formatReport } from './report.ts';
import { runSoak } from './run-soak.ts';

// The short version of the fault soak (bench/soak/run.ts runs the 200 cabinets for ten
// minutes): five cabinets, three of them with a second member, a minute of live shops with every
// fault once — a 429 storm and 5xx from WB, a worker SIGKILLed and restarted, PostgreSQL
// restarted, the bot down for 10 s, Telegram answering 429 — then every event the emulator
// produced must have reached every subscribed chat exactly once. The one exception is Telegram's
// own gap: a message the bot sent again because it was killed between Telegram taking it and
// recording that, which the bot marks in_doubt; compareDeliveries counts those apart, only for
// the marked deliveries, and the report prints them.
//
// It runs its own embedded PostgreSQL instead of this file's test database (testDatabaseUrl):
// restarting the database under the running system is one of the faults, and only a server the
// soak started itself can be stopped and started again without disturbing the other test files.
// The workers are the real worker app with pg-boss's heartbeat and the delivery lease shortened
// (apps/worker/src/testing/chaos-worker.ts), so the killed worker's leases expire within the
// minute instead of after the production minute.
it('delivers every event exactly once per subscribed user through WB, process, database and Telegram faults', async () => {
  const lines: string[] = [];
  const report = await runSoak({ ...SHORT_SOAK, log: (line) => lines.push(line) });
  const printed = `${lines.join('\n')}\n${formatReport(report)}`;
  // The figures, for whoever reads the test output: what was owed, lost, how long it took.
  console.log(formatReport(report));
  const { comparison } = report;
  // Every fault happened (and the flash sale that makes the bot group a burst).
  expect(report.faults, printed).toHaveLength(7);
  // Enough traffic that a fault could have cost something: dozens of events of the main types.
  expect(comparison.expected, printed).toBeGreaterThan(60);
  expect(comparison.eventsByType.new_order, printed).toBeGreaterThan(10);
  expect(comparison.eventsByType.buyout, printed).toBeGreaterThan(10);
  expect(comparison.messages.grouped, printed).toBeGreaterThan(0);
  expect(
    {
      lost: comparison.lost.length,
      duplicated: comparison.duplicated.length,
      unexpected: comparison.unexpected.length,
    },
    printed,
  ).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
  expect(report.timings.drain.unfinished, printed).toEqual([]);
  // The bot itself never went over Telegram's limits, through a flash sale and a restart: the
  // only 429s are the ones the fake was told to give.
  expect(report.telegramRefusedSends, printed).toBe(SHORT_SOAK.faults.telegramRefusals);
  // No process dies on its own: a worker holding a pooled connection when PostgreSQL restarts
  // used to crash on an unhandled 'error' event (packages/db/src/transaction.ts says why).
  const exits = report.processes.flatMap((proc) =>
    proc.incarnations.filter((run) => run.end === 'exited').map((run) => `${proc.name}: ${run.exit}`),
  );
  expect(exits, printed).toEqual([]);
  // An operator reading the logs after all that finds JSON records that say which cabinet and
  // job they are about, and not one WB key, token or secret, even from the error paths.
  const logs = report.logs!;
  expect(logs.secretsFound, printed).toEqual([]);
  expect(logs.otherLines, printed).toEqual([]);
  expect(logs.cabinetRecords, printed).toBeGreaterThan(0);
  expect(logs.cabinetRecordsWithoutJob, printed).toBe(0);
}, 180_000);
