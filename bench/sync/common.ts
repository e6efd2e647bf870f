/** Shared by the sync benchmarks (issue #4): a fresh database, the machine, cabinets, query timing. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { encryptSecret, fingerprint } from '@wb-assist/core';
import { migrate } from '@wb-assist/db';
import { createDatabase, dropDatabase, freePort, startTestServer, uniqueDatabaseName } from '@wb-assist/db/testing';
import type { WbHosts } from '@wb-assist/wb-api';
import type { RunningEmulator } from '@wb-assist/wb-emulator';

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  name: string;
  /** Where it runs: "embedded PostgreSQL" or the DATABASE_URL host. */
  label: string;
  /** Another fresh, migrated database on the same server (dropped by close()). */
  sibling(): Promise<string>;
  /** Drops the databases and stops an embedded server. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database on DATABASE_URL's server when `useDatabaseUrl`, else on a throwaway
 * embedded PostgreSQL 18 (what the tests use).
 */
export async function freshDatabase(useDatabaseUrl: boolean): Promise<BenchDatabase> {
  const server = await startTestServer(useDatabaseUrl ? process.env.DATABASE_URL : undefined);
  const name = uniqueDatabaseName('wb_bench_sync');
  const url = await createDatabase(server.adminUrl, name);
  await migrate(url);
  const names = [name];
  return {
    url,
    adminUrl: server.adminUrl,
    name,
    label: server.embedded ? 'embedded PostgreSQL' : `server ${new URL(server.adminUrl).host}`,
    async sibling() {
      const other = uniqueDatabaseName('wb_bench_sync');
      names.push(other);
      const otherUrl = await createDatabase(server.adminUrl, other);
      await migrate(otherUrl);
      return otherUrl;
    },
    async close() {
      for (const each of names) await dropDatabase(server.adminUrl, each);
      await server.stop();
    },
  };
}

/** The servers a benchmark runs on: the embedded one, plus DATABASE_URL's when it is set. */
export function targets(): boolean[] {
  if (process.argv.includes('--database-url-only')) return [true];
  return process.env.DATABASE_URL ? [false, true] : [false];
}

export async function machine(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout
    }
    return `commit ${commit}; machine: ${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, PostgreSQL ${rows[0]?.server_version}`;
  } finally {
    await client.end();
  }
}

export const hostsOf = (emulator: RunningEmulator): WbHosts => emulator.hosts;

/**
 * A cabinet for an emulator seller, inserted directly (what connectCabinet stores, without its
 * seller-info call): a Personal token with every category, encrypted as in production.
 */
export async function insertCabinet(
  db: pg.Pool | pg.Client,
  emulator: RunningEmulator,
  sid: string,
  encryptionKey: Buffer,
  nextSyncAt: Date | null = null,
): Promise<string> {
  const { token, claims } = emulator.store.mintToken({
    sid,
    type: 'personal',
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes,
       token_expires_at, status, next_sync_at)
     VALUES ($1, $2, $3, $4, 'personal', $5, to_timestamp($6), 'initial_sync', $7)
     RETURNING id`,
    [sid, `Bench ${sid}`, encryptSecret(token, encryptionKey), fingerprint(token), claims.s, claims.exp, nextSyncAt],
  );
  return rows[0]!.id;
}

export const newEncryptionKey = () => randomBytes(32);

/** Round trips of every query the pool's clients send: count and summed duration. */
export interface QueryMeter {
  queries: number;
  ms: number;
  /** Per first words of the statement, for a breakdown. */
  byKind: Map<string, { queries: number; ms: number }>;
  reset(): void;
}

function kindOf(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  if (/wb_rate_limits/.test(text)) return 'rate limiter';
  if (/^(BEGIN|COMMIT|ROLLBACK)$/i.test(words[0] ?? '')) return 'BEGIN/COMMIT';
  const table = /(?:INTO|UPDATE|FROM)\s+([a-z_]+)/i.exec(text)?.[1] ?? '?';
  return `${words[0]?.toUpperCase()} ${table}`;
}

/**
 * Wraps every client the pool creates so each query's round trip (send to last byte of the
 * answer, as the client sees it on localhost) is added up. Promise and callback forms both count
 * (pool.query uses the callback form internally).
 */
export function meterPool(pool: pg.Pool, onQuery?: (text: string, values: unknown[] | undefined) => void): QueryMeter {
  const meter: QueryMeter = {
    queries: 0,
    ms: 0,
    byKind: new Map(),
    reset() {
      meter.queries = 0;
      meter.ms = 0;
      meter.byKind.clear();
    },
  };
  const record = (text: string, values: unknown, started: number) => {
    const ms = performance.now() - started;
    onQuery?.(text, Array.isArray(values) ? values : undefined);
    meter.queries += 1;
    meter.ms += ms;
    const kind = kindOf(text);
    const entry = meter.byKind.get(kind) ?? { queries: 0, ms: 0 };
    entry.queries += 1;
    entry.ms += ms;
    meter.byKind.set(kind, entry);
  };
  pool.on('connect', (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
      const values = Array.isArray(args[1]) ? args[1] : (first as { values?: unknown[] } | undefined)?.values;
      const started = performance.now();
      const last = args.at(-1);
      if (typeof last === 'function') {
        const callback = last as (...result: unknown[]) => void;
        return original(...args.slice(0, -1), (...result: unknown[]) => {
          record(text, values, started);
          callback(...result);
        });
      }
      const result = original(...args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).finally(() => record(text, values, started));
      }
      return result;
    };
  });
  return meter;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The real worker process (`node apps/worker/src/main.ts` under `root`) as a benchmark measures
 * it: every WB host on the emulator, info logs into `logFile`, a free metrics port, nothing of
 * this shell's environment but PATH and HOME, and `env` on top. Resolves once it has started.
 */
export async function startBenchWorker(options: {
  root: string;
  logFile: string;
  emulatorUrl: string;
  /** --max-semi-space-size (MB); 0 leaves V8's default. */
  semiSpaceMb: number;
  env: Record<string, string>;
}): Promise<ChildProcess> {
  const out = fs.openSync(options.logFile, 'w');
  const flags = options.semiSpaceMb ? [`--max-semi-space-size=${options.semiSpaceMb}`] : [];
  const worker = spawn(process.execPath, [...flags, path.join(options.root, 'apps/worker/src/main.ts')], {
    cwd: options.root,
    stdio: ['ignore', out, out],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      WB_STATISTICS_API_URL: options.emulatorUrl,
      WB_ANALYTICS_API_URL: options.emulatorUrl,
      WB_FEEDBACKS_API_URL: options.emulatorUrl,
      WB_CONTENT_API_URL: options.emulatorUrl,
      WB_COMMON_API_URL: options.emulatorUrl,
      LOG_LEVEL: 'info',
      WORKER_PORT: String(await freePort()),
      ...options.env,
    },
  });
  for (let waited = 0; !fs.readFileSync(options.logFile, 'utf8').includes('worker started'); waited++) {
    if (waited > 600 || worker.exitCode !== null)
      throw new Error(`worker did not start:\n${fs.readFileSync(options.logFile, 'utf8').slice(-2000)}`);
    await sleep(100);
  }
  return worker;
}
