import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations');
export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/schema.prisma');

export interface MigrationFile {
  /** Folder name, e.g. 20261128000000_init: sorts in the order migrations apply. */
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, the checksum Prisma keeps in _prisma_migrations. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** The migrations in Prisma's layout: <dir>/<timestamp>_<name>/migration.sql. */
export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}
