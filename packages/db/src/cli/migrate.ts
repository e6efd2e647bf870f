import { databaseEnv, loadEnv, runtimeEnv } from '@wb-assist/config';
import { DatabaseUnreachableError, MigrationError, openDatabase } from '../index.ts';
import { migrate } from '../migrate.ts';

// `npm run db:migrate`: apply pending migrations to the configured (or embedded) database.
const env = loadEnv([runtimeEnv, databaseEnv]);
const log = (message: string) => process.stdout.write(`${message}\n`);
try {
  const database = await openDatabase(env, log);
  try {
    const result = await migrate(database.url, { log });
    log(
      result.applied.length === 0
        ? `database is up to date (${result.alreadyApplied} migration(s) applied)`
        : `applied ${result.applied.length} migration(s); ${result.alreadyApplied + result.applied.length} in total`,
    );
  } finally {
    await database.stop();
  }
} catch (error) {
  if (error instanceof MigrationError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
