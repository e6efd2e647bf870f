// The embedded PostgreSQL is a development convenience (`npm start`, an app started alone
// without DATABASE_URL). Its supervisor and the 60 MB of binaries live in tooling
// (@wb-assist/embedded-postgres, a devDependency of this package), so production images do not
// ship them; production config refuses to start without DATABASE_URL or POSTGRES_HOST, so this
// is never reached there. Hence the one dynamic import of tooling from production code (see
// eslint.config.js).
import type * as EmbeddedPostgresModule from '@wb-assist/embedded-postgres';

/** Why the embedded server could not start; matched by name, its class lives in tooling. */
export function isEmbeddedPostgresError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'EmbeddedPostgresError';
}

export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresModule> {
  try {
    return await import('@wb-assist/embedded-postgres');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const missing = new Error(
      'The embedded PostgreSQL is not installed (it is a development tool, absent from production installs). Set DATABASE_URL to a PostgreSQL 15+ server.',
    );
    missing.name = 'EmbeddedPostgresError';
    throw missing;
  }
}
