import pg from 'pg';

/**
 * A comparable description of a database's public schema: enums, tables, columns (type,
 * nullability, default), constraints and indexes, each by name and definition. Two databases
 * built differently (migrations vs. the schema's own SQL) must produce equal snapshots.
 */
export interface CatalogSnapshot {
  enums: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
  sequences: string[];
}

const IGNORED_TABLES = ['_prisma_migrations'];

export async function catalogSnapshot(databaseUrl: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = async (sql: string) =>
      (await client.query<{ line: string }>(sql, [IGNORED_TABLES])).rows.map((row) => row.line).sort();
    return {
      enums: await rows(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND $1::text[] IS NOT NULL GROUP BY t.typname`),
      columns: await rows(`
        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
          || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
          || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
          || CASE WHEN a.attidentity::text <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END AS line
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> ALL($1)`),
      constraints: await rows(`
        SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname <> ALL($1)`),
      indexes: await rows(`
        SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ALL($1)`),
      sequences: await rows(`
        SELECT c.relname AS line FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' AND $1::text[] IS NOT NULL`),
    };
  } finally {
    await client.end();
  }
}
