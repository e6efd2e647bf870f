import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { readMigrations, type MigrationFile } from './migrations.ts';

/** The advisory lock key `prisma migrate deploy` takes, so our runner and Prisma's exclude each other. */
const PRISMA_ADVISORY_LOCK = 72707369;

/** Prisma's own DDL for its history table: `prisma migrate deploy` keeps working on our databases. */
const CREATE_HISTORY = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  started_at: Date;
}

async function readHistory(client: pg.ClientBase): Promise<HistoryRow[]> {
  const result = await client.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, started_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return result.rows;
}

function checkHistory(history: HistoryRow[], migrations: MigrationFile[]): void {
  const failed = history.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started at ${failed.started_at.toISOString()} and never finished. ` +
        'Check the database by hand, then mark the row in _prisma_migrations as rolled back (rolled_back_at) to retry it.',
    );
  }
  const local = new Map(migrations.map((m) => [m.name, m]));
  for (const row of history) {
    const file = local.get(row.migration_name);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied to this database ` +
          `(checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… on disk). ` +
          'An applied migration must never change: restore the file and put the change in a new migration (npm run db:new-migration).',
      );
    }
  }
}

/**
 * Applies pending migrations. Safe to call from every app on start: an advisory lock makes
 * concurrent callers wait, and each migration runs in one transaction with its history row,
 * so a failure leaves nothing half-applied.
 */
export async function migrate(
  databaseUrl: string,
  options: { migrations?: MigrationFile[]; log?: (message: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? readMigrations();
  const log = options.log ?? (() => undefined);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_HISTORY);
    const history = await readHistory(client);
    checkHistory(history, migrations);
    const done = new Set(history.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      log(`applying migration ${migration.name}`);
      await client.query('BEGIN');
      try {
        const id = randomUUID();
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(
          `Migration ${migration.name} failed and was rolled back, nothing of it applied: ${(error as Error).message}`,
        );
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await client.end();
  }
}

export interface MigrationStatus {
  applied: number;
  pending: string[];
  /** Applied migrations whose file changed since they were applied. */
  edited: string[];
  /** Applied migrations this code does not have (a newer version migrated the database). */
  unknown: string[];
}

/** What /healthz reports: are this code's migrations all applied, unchanged? */
export async function migrationStatus(
  query: (sql: string) => Promise<{ rows: { migration_name: string; checksum: string }[] }>,
  migrations: MigrationFile[] = readMigrations(),
): Promise<MigrationStatus> {
  let rows: { migration_name: string; checksum: string }[];
  try {
    rows = (
      await query(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
      )
    ).rows;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') rows = [];
    else throw error;
  }
  const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const known = new Set(migrations.map((m) => m.name));
  return {
    applied: applied.size,
    pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name),
    edited: migrations.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name),
    unknown: [...applied.keys()].filter((name) => !known.has(name)),
  };
}
