import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase, startTestServer } from './test-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
    /** Prefix of this run's per-file databases, dropped together at the end. */
    dbRunPrefix: string;
  }
}

// Vitest globalSetup for integration tests: one server and one migrated template per run.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  const prefix = `wb_test_${randomBytes(3).toString('hex')}`;
  project.provide('dbAdminUrl', server.adminUrl);
  project.provide('dbTemplate', template);
  project.provide('dbRunPrefix', prefix);
  return async () => {
    // Dropped here, after every file's own cleanup, not in each file's afterAll: a file's pools
    // may still hold connections then, and a forced drop would break them under its feet.
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${prefix}_%`,
    ]);
    await admin.end();
    for (const { datname } of rows) await dropDatabase(server.adminUrl, datname);
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
