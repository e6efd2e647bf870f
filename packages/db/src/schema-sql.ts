import fs from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { schemaPath } from './migrations.ts';

/**
 * SQL that takes a database from the `from` schema to the `to` schema, computed by Prisma's
 * own differ (the WebAssembly schema engine from npm) instead of its downloaded native engine.
 * `from` undefined means an empty database. The engine insists on a live connection when it
 * starts, so it gets one (any database on the server will do); the diff itself reads nothing.
 */
export async function diffSchemas(databaseUrl: string, from: string | undefined, to: string): Promise<string> {
  const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const factory = new PrismaPg(pool);
  const engine = await SchemaEngine.new(
    { datamodels: undefined },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    const target = (content: string) => ({
      tag: 'schemaDatamodel' as const,
      files: [{ path: 'schema.prisma', content }],
    });
    const result = await engine.diff({
      from: from === undefined ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
    await pool.end();
  }
}

export function readSchema(file = schemaPath): string {
  return fs.readFileSync(file, 'utf8');
}

/** True when a diff script changes nothing (Prisma prints only a comment then). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}
