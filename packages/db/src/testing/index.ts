export { freePort } from './free-port.ts';
export { waitFor } from './wait-for.ts';
export {
  describeOutstanding,
  isIdle,
  readOutstanding,
  waitUntilIdle,
  type IdleScope,
  type Outstanding,
} from './wait-until-idle.ts';
export {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
  withDatabase,
  type TestServer,
} from './test-server.ts';

/** The URL of this test file's own database (set by the integration setup file). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: is this an *.int.test.ts file?');
  return url;
}

/** Unique to this test run, the same in every integration file of it (set by the setup file). */
export function testRunId(): string {
  const id = process.env.WB_TEST_RUN_ID;
  if (!id) throw new Error('WB_TEST_RUN_ID is not set: is this an *.int.test.ts file?');
  return id;
}

/** A URL that may create and drop databases on the test server. */
export function testAdminUrl(): string {
  const url = process.env.WB_TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error('WB_TEST_ADMIN_DATABASE_URL is not set: is this an *.int.test.ts file?');
  return url;
}
