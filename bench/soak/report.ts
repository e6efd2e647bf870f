import type { LogAudit } from './audit-logs.ts';
import type { Comparison } from './compare-deliveries.ts';
import type { DrainOutcome } from './drain.ts';
import type { FaultRecord } from './fault-schedule.ts';
import { DERIVED_TYPES, EVENT_TYPES } from './fingerprint.ts';
import type { SoakOptions } from './options.ts';
import { percentile } from './percentile.ts';
import type { Incarnation } from './supervised-process.ts';

export interface SoakReport {
  options: Omit<SoakOptions, 'log'>;
  users: number;
  timings: {
    setupS: number;
    connectS: number;
    initialSyncsS: number;
    liveS: number;
    drain: DrainOutcome;
    wallS: number;
  };
  comparison: Comparison;
  faults: FaultRecord[];
  processes: { name: string; incarnations: Incarnation[] }[];
  telegramRefusedSends: number;
  wbRequests: { requests: Record<string, number>; limited: Record<string, number> };
  findings: string[];
  /** Deliveries (event × chat) the bot sent again not knowing whether the first send arrived. */
  inDoubtDeliveries: number;
  logDir: string;
  /** What the processes' logs showed, read back once they stopped. */
  logs?: LogAudit;
  /** When the run started (epoch ms): process times are shown from here. */
  startedAt: number;
  /** Seconds from the run's start to the start of the live phase (fault times are from there). */
  liveStartS: number;
  passed: boolean;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (value: number | undefined) => (value === undefined ? '?' : `${value.toFixed(0)} MB`);

function processLines(report: SoakReport): string[] {
  const { startedAt } = report;
  return report.processes.flatMap(({ name, incarnations }) =>
    incarnations.map((run, index) => {
      const from = `${index === 0 ? 'started' : 'restarted'} at t=${s(run.startedAt - startedAt)}`;
      const ended =
        run.end === 'killed'
          ? `killed (SIGKILL) at t=${s(run.endedAt! - startedAt)}`
          : run.end === 'stopped'
            ? 'at the end'
            : run.end === 'exited'
              ? `EXITED ON ITS OWN (${run.exit}) at t=${s(run.endedAt! - startedAt)}`
              : 'still running';
      return (
        `  ${name} pid ${run.pid} (${from}): RSS ${mb(run.atStart?.rssMb)} at start, ` +
        `${mb(run.atEnd?.rssMb)} ${ended}, peak ${mb(run.atEnd?.peakMb)}`
      );
    }),
  );
}

function logLines(audit: LogAudit): string[] {
  return [
    `process logs: ${audit.records} JSON records in ${audit.files} files, ${audit.otherLines.length} other lines; ` +
      `keys and secrets in them: ${audit.secretsFound.length === 0 ? 'none' : audit.secretsFound.length} ` +
      `(${audit.secretsLookedFor} looked for: every WB key, ENCRYPTION_KEY, INTERNAL_WEBHOOK_SECRET, BOT_TOKEN); ` +
      `worker records naming a cabinet: ${audit.cabinetRecords}, without a job id: ${audit.cabinetRecordsWithoutJob}`,
    ...audit.secretsFound.map((found) => `  SECRET IN A LOG: ${found}`),
    ...audit.otherLines.slice(0, 5).map((line) => `  not JSON: ${line}`),
  ];
}

/** The soak's figures as printed by run.ts (and shown by the test when it fails). */
export function formatReport(report: SoakReport): string {
  const { comparison: c, options: o, timings: t } = report;
  const latency = c.latenciesMs;
  const unplanned = report.processes.flatMap((p) => p.incarnations.filter((i) => i.end === 'exited'));
  const lines = [
    `WB Assist fault soak: ${o.cabinets} cabinets, ${report.users} subscribed users, ${o.liveSeconds} s of live shops ` +
      `(real-time clock), SYNC_INTERVAL=${o.syncIntervalSeconds} s, WB rate limits ×${o.rateLimitScale}, ` +
      `${o.workers} workers (${o.workerEntry}, WORKER_CONCURRENCY=${o.workerConcurrency}), ~${o.ordersPerDay} orders/day per shop`,
    `wall time ${t.wallS.toFixed(0)} s: setup ${t.setupS.toFixed(0)} s (users and keys ${t.connectS.toFixed(0)} s, ` +
      `initial syncs ${t.initialSyncsS.toFixed(0)} s), live ${t.liveS.toFixed(0)} s, drain ${t.drain.seconds.toFixed(0)} s` +
      (t.drain.unfinished.length ? ` (NOT drained: ${t.drain.unfinished.join('; ')})` : ''),
    `events after the initial syncs: ${EVENT_TYPES.map((type) => `${type} ${c.eventsByType[type]}`).join(', ')} ` +
      `(critical_stock: alerts the system raised, checked for delivery only)`,
    `deliveries owed (event × subscribed user): ${c.expected}; delivered once: ${c.delivered + c.countedOnly}` +
      (c.countedOnly ? ` (${c.countedOnly} only counted in a grouped message)` : ''),
    `LOST: ${c.lost.length}; DUPLICATED: ${c.duplicated.reduce((n, d) => n + d.extra, 0)}; unexpected: ` +
      `${c.unexpected.reduce((n, u) => n + u.count, 0)}; derived alerts (${DERIVED_TYPES.join(', ')}), each once: ${c.derived}`,
    `sent again after a send with unknown outcome (the bot killed between Telegram taking a message and recording it): ` +
      `${report.inDoubtDeliveries} deliveries, of which shown twice: ${c.resentInDoubt.reduce((n, d) => n + d.extra, 0)}`,
    `messages in the fake Telegram: ${c.messages.notifications} notifications (${c.messages.grouped} grouped, ` +
      `covering ${c.messages.eventsInGroups} events), ${c.messages.other} other; sends refused with 429: ${report.telegramRefusedSends}`,
    `latency, event visible at WB → message accepted by Telegram (${latency.length} deliveries): ` +
      `p50 ${s(percentile(latency, 0.5))}, p99 ${s(percentile(latency, 0.99))}, max ${s(percentile(latency, 1))}`,
    `WB requests that reached the emulator's limiter: ${Object.values(report.wbRequests.requests).reduce((a, b) => a + b, 0)}, ` +
      `refused by WB's own limits: ${Object.values(report.wbRequests.limited).reduce((a, b) => a + b, 0)} ` +
      `(${JSON.stringify(report.wbRequests.limited)})`,
    `processes (t from the start of the run; the live phase began at t=${report.liveStartS.toFixed(1)} s):`,
    ...processLines(report),
    `unplanned process exits: ${unplanned.length === 0 ? 'none' : unplanned.length}`,
    ...(report.logs ? logLines(report.logs) : []),
    `faults (t from the start of the live phase):`,
    ...report.faults.map((f) => `  t=${f.startS.toFixed(1)}–${f.endS.toFixed(1)} s: ${f.fault}`),
    ...report.findings,
    `logs: ${report.logDir}`,
    `result: ${report.passed ? 'PASS (0 lost, 0 duplicated, no secret in the logs)' : 'FAIL'}`,
  ];
  return lines.join('\n');
}
