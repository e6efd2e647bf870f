import { inject } from 'vitest';
import { createDatabase, uniqueDatabaseName } from './test-server.ts';

// Every integration test file gets its own freshly migrated database (a copy of the run's
// template), so files run in parallel without seeing each other's rows. The global teardown
// drops them all once every file is done.
const adminUrl = inject('dbAdminUrl');
process.env.DATABASE_URL = await createDatabase(
  adminUrl,
  uniqueDatabaseName(inject('dbRunPrefix')),
  inject('dbTemplate'),
);
process.env.WB_TEST_ADMIN_DATABASE_URL = adminUrl;
// What the files of one run share (a build made once per run, say) is keyed by this.
process.env.WB_TEST_RUN_ID = inject('dbRunPrefix');
