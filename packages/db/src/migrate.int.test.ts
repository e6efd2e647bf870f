import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { catalogSnapshot } from './catalog.ts';
import { migrate, MigrationError } from './migrate.ts';
import { checksumOf, readMigrations } from './migrations.ts';
import { diffSchemas, readSchema } from './schema-sql.ts';
import { testAdminUrl, testDatabaseUrl } from './testing/index.ts';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './testing/test-server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function withEmptyDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = uniqueDatabaseName('wb_empty');
  const url = await createDatabase(testAdminUrl(), name);
  try {
    return await run(url);
  } finally {
    await dropDatabase(testAdminUrl(), name);
  }
}

function runMigrateCli(url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['packages/db/src/cli/migrate.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('migrations', () => {
  it('produce exactly the database that schema.prisma describes (no drift)', async () => {
    // The test database was built by the migrations; build a second one straight from the
    // schema with Prisma's differ and compare every table, column, constraint and index.
    const fromSchema = await withEmptyDatabase(async (url) => {
      const sql = await diffSchemas(url, undefined, readSchema());
      await query(url, sql);
      return catalogSnapshot(url);
    });
    const fromMigrations = await catalogSnapshot(testDatabaseUrl());
    expect(fromMigrations.columns.length).toBeGreaterThan(100);
    expect(fromMigrations).toEqual(fromSchema);
  });

  it('keep the history in Prisma’s _prisma_migrations table with Prisma’s checksums', async () => {
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      testDatabaseUrl(),
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const files = readMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(files[index]?.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('are a no-op the second time', async () => {
    const before = await catalogSnapshot(testDatabaseUrl());
    const historyBefore = await query(testDatabaseUrl(), 'SELECT * FROM "_prisma_migrations" ORDER BY id');
    const result = await migrate(testDatabaseUrl());
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(readMigrations().length);
    expect(await catalogSnapshot(testDatabaseUrl())).toEqual(before);
    expect(await query(testDatabaseUrl(), 'SELECT * FROM "_prisma_migrations" ORDER BY id')).toEqual(historyBefore);
  });

  it('run by two processes at once apply each migration exactly once', async () => {
    await withEmptyDatabase(async (url) => {
      const [first, second] = await Promise.all([runMigrateCli(url), runMigrateCli(url)]);
      expect(first?.code, first?.stderr).toBe(0);
      expect(second?.code, second?.stderr).toBe(0);
      const outputs = [first?.stdout ?? '', second?.stdout ?? ''].sort();
      expect(outputs.some((out) => /applied \d+ migration\(s\)/.test(out))).toBe(true);
      expect(outputs.some((out) => /database is up to date/.test(out))).toBe(true);
      const rows = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
      expect(rows.map((row) => row.migration_name).sort()).toEqual(readMigrations().map((m) => m.name));
    });
  });

  it('refuse an applied migration that was edited, saying which and what to do', async () => {
    const edited = readMigrations().map((migration, index) =>
      index === 0
        ? { ...migration, sql: `${migration.sql}\n-- tweak`, checksum: checksumOf(`${migration.sql}\n-- tweak`) }
        : migration,
    );
    const error = await migrate(testDatabaseUrl(), { migrations: edited }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `Migration ${edited[0]?.name} was edited after it was applied .*restore the file and put the change in a new migration`,
      ),
    );
  });

  it('roll back a failing migration completely and say which one failed', async () => {
    await withEmptyDatabase(async (url) => {
      const broken = [
        ...readMigrations(),
        {
          name: '29990101000000_broken',
          sql: 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;',
          checksum: 'x'.repeat(64),
        },
      ];
      const error = await migrate(url, { migrations: broken }).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(
        /Migration 29990101000000_broken failed and was rolled back.*no_such_table/,
      );
      const tables = await query<{ n: string }>(
        url,
        "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'half_done'",
      );
      expect(tables[0]?.n).toBe('0');
      const history = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
      expect(history.map((row) => row.migration_name)).not.toContain('29990101000000_broken');
      // The good migrations before it stay applied; fixing the file and rerunning continues.
      expect((await migrate(url)).applied).toEqual([]);
    });
  });
});
