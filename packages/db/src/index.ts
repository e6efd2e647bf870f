export { createPrismaClient, PrismaClient } from './client.ts';
export type * from './client.ts';
export {
  checkReachable,
  DatabaseUnreachableError,
  describeUrl,
  openDatabase,
  prepareDatabase,
  prepareDatabaseOrExit,
  type Database,
} from './database.ts';
export { migrate, migrationStatus, MigrationError, type MigrateResult, type MigrationStatus } from './migrate.ts';
export { readMigrations, checksumOf, migrationsDir, schemaPath, type MigrationFile } from './migrations.ts';
export { inTransaction } from './transaction.ts';
export { executeSql, type SqlExecutor } from './raw-sql.ts';
