import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { databaseTarget, type DatabaseEnv } from '@wb-assist/config';
import { isEmbeddedPostgresError, loadEmbeddedPostgres } from './embedded.ts';
import { migrate, MigrationError } from './migrate.ts';

export class DatabaseUnreachableError extends Error {
  constructor(host: string, port: string, cause: string) {
    super(`Cannot reach PostgreSQL at ${host}:${port} (${cause}). Check DATABASE_URL or start the server.`);
    this.name = 'DatabaseUnreachableError';
  }
}

export interface Database {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/** host:port of a URL, for messages (never the password). */
export function describeUrl(url: string): { host: string; port: string; database: string } {
  const parsed = new URL(url);
  return { host: parsed.hostname || 'localhost', port: parsed.port || '5432', database: parsed.pathname.slice(1) };
}

/** One cheap connection attempt; a failure becomes one line naming host and port. */
export async function checkReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { host, port } = describeUrl(url);
    const err = error as { code?: string; message?: string };
    throw new DatabaseUnreachableError(host, port, err.code ?? err.message ?? 'unknown error');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database an app runs on: the configured server, or the embedded one kept in
 * DATA_DIR/postgres (started here, or reused when another app already runs it).
 */
export async function openDatabase(
  env: DatabaseEnv & { DATA_DIR: string },
  log: (message: string) => void = () => undefined,
): Promise<Database> {
  const target = databaseTarget(env);
  if (target.kind === 'url') {
    await checkReachable(target.url);
    return { url: target.url, embedded: false, stop: async () => undefined };
  }
  const { serverCanReach, startEmbeddedPostgres } = await loadEmbeddedPostgres();
  const dataDir = embeddedDataDir(env.DATA_DIR, env.EMBEDDED_POSTGRES_FALLBACK_DIR, serverCanReach, log);
  const started = Date.now();
  const server = await startEmbeddedPostgres({
    dataDir,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    durable: true,
  });
  log(
    server.owned
      ? `embedded PostgreSQL started on 127.0.0.1:${target.port} in ${Date.now() - started} ms (data in ${dataDir})`
      : `using the embedded PostgreSQL already running on 127.0.0.1:${target.port}`,
  );
  return { url: server.url, embedded: true, stop: server.stop };
}

/**
 * DATA_DIR/postgres, unless the postgres user cannot reach it (a clone in a private folder,
 * run as root): then a folder of its own under EMBEDDED_POSTGRES_FALLBACK_DIR, one per DATA_DIR, so the
 * first command on a fresh clone works wherever the clone is.
 */
function embeddedDataDir(
  dataDir: string,
  fallbackRoot: string,
  serverCanReach: (dataDir: string) => boolean,
  log: (message: string) => void,
): string {
  const preferred = path.join(dataDir, 'postgres');
  if (serverCanReach(preferred)) return preferred;
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const fallback = path.join(fallbackRoot, id, 'postgres');
  log(`the postgres user cannot reach ${dataDir}; keeping the embedded database in ${fallback}`);
  return fallback;
}

/** openDatabase + migrations: what every app does first. */
export async function prepareDatabase(
  env: DatabaseEnv & { DATA_DIR: string },
  log: (message: string) => void = () => undefined,
): Promise<Database> {
  const database = await openDatabase(env, log);
  try {
    const result = await migrate(database.url, { log });
    if (result.applied.length > 0) log(`applied ${result.applied.length} migration(s)`);
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/**
 * What every app does first: prepareDatabase, with the expected failures (unreachable server,
 * refused migration, embedded server that cannot start) reported as one line and exit 1.
 */
export async function prepareDatabaseOrExit(
  env: DatabaseEnv & { DATA_DIR: string; EMBEDDED_POSTGRES_FALLBACK_DIR: string },
  log: { info(message: string): void; fatal(message: string): void },
): Promise<Database> {
  try {
    return await prepareDatabase(env, (message) => log.info(message));
  } catch (error) {
    if (
      error instanceof DatabaseUnreachableError ||
      error instanceof MigrationError ||
      isEmbeddedPostgresError(error)
    ) {
      log.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }
}
