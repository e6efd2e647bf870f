import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './test-server.ts';

// Every integration test file gets its own freshly migrated database (a copy of the run's
// template), so files run in parallel without seeing each other's rows.
const adminUrl = inject('dbAdminUrl');
const name = uniqueDatabaseName('wb_test');
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('dbTemplate'));
process.env.WB_TEST_ADMIN_DATABASE_URL = adminUrl;

afterAll(async () => {
  await dropDatabase(adminUrl, name);
});
