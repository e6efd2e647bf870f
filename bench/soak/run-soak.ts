import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient } from '@wb-assist/db';
import { startTelegramFake } from '@wb-assist/telegram-fake';
import { startEmulator } from '@wb-assist/wb-emulator';
import { compareDeliveries } from './compare-deliveries.ts';
import { auditLogs, type Secret } from './audit-logs.ts';
import { connectUsers, type SoakCabinet } from './connect-users.ts';
import { createShops } from './create-shops.ts';
import { drain } from './drain.ts';
import { emulatorEvents } from './emulator-events.ts';
import { explainFindings } from './explain-findings.ts';
import { inDoubtDeliveries } from './in-doubt-deliveries.ts';
import { runFaultSchedule } from './fault-schedule.ts';
import type { SoakOptions } from './options.ts';
import { countRefusedSends, countSends, readInbox } from './read-inbox.ts';
import { startRealTimeClock } from './real-time-clock.ts';
import type { SoakReport } from './report.ts';
import { startApps, type Apps } from './start-apps.ts';
import { startDatabase } from './start-database.ts';
import { stockEvents } from './stock-events.ts';
import { waitForInitialSyncs } from './wait-for-initial-syncs.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** A token of the fake's bot that passes the bot's BOT_TOKEN check. */
const BOT_TOKEN = '777000:AAFake-token-for-the-soak-run_01';

/** Progress while the shops live: enough to see a run is alive, cheap enough not to load it. */
function watchProgress(pool: pg.Pool, telegram: Parameters<typeof countSends>[0], log: (line: string) => void) {
  const started = Date.now();
  const timer = setInterval(() => {
    void pool
      .query<{ pending: number; syncs: number }>(
        `SELECT (SELECT count(*) FROM notification_history WHERE status = 'pending')::int AS pending,
                (SELECT count(*) FROM wb_sync_logs WHERE kind = 'periodic')::int AS syncs`,
      )
      .then(
        ({ rows }) => `${rows[0]!.syncs} periodic syncs, ${rows[0]!.pending} notifications pending`,
        () => 'database unreachable',
      )
      .then((state) =>
        log(
          `t=${((Date.now() - started) / 1000).toFixed(0)} s: ${countSends(telegram)} messages in Telegram, ${state}`,
        ),
      );
  }, 30_000);
  return () => clearInterval(timer);
}

/**
 * One fault soak, start to end: its own PostgreSQL, the WB emulator with one living shop per
 * cabinet, the fake Telegram, the bot and the workers as processes; users connect their keys;
 * once every initial sync is done the shops' clock runs in real time while the faults come one
 * after another; then the clock stops, the system drains, and every event the shops produced
 * is looked for in every subscribed chat. Everything is stopped again whatever happens.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const startedAt = Date.now();
  const elapsed = () => (Date.now() - startedAt) / 1000;
  const { log, ...settings } = options;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-soak-'));
  // As root, PostgreSQL runs as the postgres user, which must get into this folder.
  fs.chmodSync(folder, 0o755);
  const database = await startDatabase(folder);
  const emulator = await startEmulator({
    seed: options.seed,
    profile: 'real',
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    rateLimitScale: options.rateLimitScale,
    frozenClock: true,
  });
  const telegram = await startTelegramFake({ tokens: [BOT_TOKEN] });
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  // The database restart drops idle connections too; the next query simply opens a new one.
  pool.on('error', () => undefined);
  let apps: Apps | undefined;
  let report: SoakReport | undefined;
  let cabinets: SoakCabinet[] = [];
  const encryptionKey = randomBytes(32);
  const webhookSecret = randomBytes(32).toString('hex');
  try {
    apps = await startApps({
      repoRoot,
      logDir: folder,
      databaseUrl: database.url,
      emulatorUrl: emulator.url,
      telegramUrl: telegram.url,
      botToken: BOT_TOKEN,
      encryptionKey,
      webhookSecret,
      syncIntervalSeconds: options.syncIntervalSeconds,
      rateLimitScale: options.rateLimitScale,
      workers: options.workers,
      workerConcurrency: options.workerConcurrency,
      workerEntry: options.workerEntry,
    });
    log(
      `t=${elapsed().toFixed(1)} s: database, emulator, fake Telegram, bot and ${options.workers} workers up (${folder})`,
    );

    const connectStart = Date.now();
    const sids = await createShops(emulator, options.cabinets, options.ordersPerDay);
    const prisma = createPrismaClient(database.url, { poolSize: 4 });
    cabinets = await connectUsers({
      prisma,
      emulator,
      sids,
      encryptionKey,
      secondMemberEvery: options.secondMemberEvery,
    }).finally(() => prisma.$disconnect());
    const connectS = (Date.now() - connectStart) / 1000;
    const users = cabinets.reduce((sum, cabinet) => sum + cabinet.chatIds.length, 0);
    log(
      `t=${elapsed().toFixed(1)} s: ${cabinets.length} shops connected by ${users} users; waiting for the initial syncs`,
    );
    const syncStart = Date.now();
    await waitForInitialSyncs(pool, cabinets.length, Math.max(120_000, cabinets.length * 3_000));
    const initialSyncsS = (Date.now() - syncStart) / 1000;

    const liveStart = Date.now();
    log(`t=${elapsed().toFixed(1)} s: every initial sync done; the shops' clock runs for ${options.liveSeconds} s`);
    // WB's buckets refill on shop time, which stood still during the setup: a bucket the initial
    // sync emptied would stay empty for a minute of shop time although that minute has long passed
    // for the worker (its own buckets run on real time). They start full as the clock starts.
    emulator.store.limiter.reset();
    const clock = startRealTimeClock(emulator.store);
    const stopWatching = watchProgress(pool, telegram, log);
    const faults = await runFaultSchedule({
      targets: { emulator, sids: cabinets.map((cabinet) => cabinet.sid), telegram, database, apps },
      faults: options.faults,
      liveSeconds: options.liveSeconds,
      syncIntervalSeconds: options.syncIntervalSeconds,
      log,
    }).finally(stopWatching);
    const to = clock.stop();
    emulator.store.faults.clear();
    // WB's buckets refill on shop time, which now stands still: left on, the emulator would
    // refuse every second sales call for good and no sync could finish. The worker keeps to
    // WB's limits on its own side (its PostgreSQL buckets run on real time) either way.
    emulator.store.options.rateLimits = false;
    const liveS = (Date.now() - liveStart) / 1000;

    log(`t=${elapsed().toFixed(1)} s: the shops' clock stopped; draining (at most ${options.drainSeconds} s)`);
    const since = new Date();
    await Promise.all([apps.bot, ...apps.workers].map((app) => app.healthy(60_000)));
    const drained = await drain({
      pool,
      telegram,
      cabinets: cabinets.map((cabinet) => cabinet.cabinetId),
      since,
      timeoutMs: options.drainSeconds * 1000,
    });

    const events = [
      ...emulatorEvents({ emulator, cabinets, from: clock.startVirtual, to, realTimeOf: clock.realTimeOf }),
      ...(await stockEvents({ pool, emulator, cabinets })),
    ];
    const inDoubt = await inDoubtDeliveries(pool);
    const comparison = compareDeliveries(events, readInbox(telegram), inDoubt);
    const findings = await explainFindings(pool, comparison, events);
    const passed =
      comparison.expected > 0 &&
      comparison.lost.length === 0 &&
      comparison.duplicated.length === 0 &&
      comparison.unexpected.length === 0;
    report = {
      options: settings,
      users,
      timings: {
        setupS: (liveStart - startedAt) / 1000,
        connectS,
        initialSyncsS,
        liveS,
        drain: drained,
        wallS: 0,
      },
      comparison,
      faults,
      processes: [],
      telegramRefusedSends: countRefusedSends(telegram),
      wbRequests: structuredClone(emulator.store.stats),
      findings,
      inDoubtDeliveries: inDoubt.size,
      logDir: folder,
      startedAt,
      liveStartS: (liveStart - startedAt) / 1000,
      passed,
    };
    return report;
  } finally {
    // Workers first, so nothing is sent to a bot that is going away; memory is read as each stops.
    for (const app of [...(apps?.workers ?? []), ...(apps ? [apps.bot] : [])]) await app.stop();
    await pool.end();
    await telegram.close();
    await emulator.close();
    await database.stop();
    if (report) {
      report.processes = apps
        ? [apps.bot, ...apps.workers].map((app) => ({ name: app.name, incarnations: app.incarnations }))
        : [];
      const secrets: Secret[] = [
        ...cabinets.map((cabinet) => ({ label: `the WB key of shop ${cabinet.sid}`, value: cabinet.key })),
        { label: 'ENCRYPTION_KEY', value: encryptionKey.toString('base64') },
        { label: 'INTERNAL_WEBHOOK_SECRET', value: webhookSecret },
        { label: 'BOT_TOKEN', value: BOT_TOKEN },
      ];
      report.logs = auditLogs(folder, secrets);
      report.passed &&= report.logs.secretsFound.length === 0;
      report.timings.wallS = elapsed();
    }
    if (report?.passed && !options.keepLogs) {
      fs.rmSync(folder, { recursive: true, force: true });
      report.logDir = `${folder} (removed: the run passed)`;
    } else log(`logs and database kept in ${folder}`);
  }
}
