// node bench/embedded-postgres.ts
// Target (issue #2): embedded PostgreSQL start < 5 s; a fresh test database < 500 ms.
// Reference measured in the same run: migrating an empty database from scratch, which is
// what each test file would pay without the template.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '@wb-assist/db';
import { startEmbeddedPostgres } from '@wb-assist/embedded-postgres';
import {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from '@wb-assist/db/testing';
import { summary, timeRuns } from './stats.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-pg-'));
fs.chmodSync(root, 0o755);
let port = 55400;
const options = (dataDir: string, durable: boolean) => ({
  dataDir,
  port: port++,
  user: 'wb',
  password: 'bench',
  database: 'wb_assist_db',
  durable,
});

const fresh = await timeRuns(3, async () => {
  const server = await startEmbeddedPostgres(options(path.join(root, `fresh-${port}`), true));
  await server.stop();
});
const dataDir = path.join(root, 'restart');
await (await startEmbeddedPostgres(options(dataDir, true))).stop();
const restart = await timeRuns(5, async () => {
  const server = await startEmbeddedPostgres({ ...options(dataDir, true), port: 55399 });
  await server.stop();
});
console.log(`embedded start, first run (initdb + start + create database): ${summary(fresh)}`);
console.log(`embedded start, existing data folder (npm start after the first):  ${summary(restart)}`);

async function databases(label: string, server: { adminUrl: string }) {
  const template = await createTemplateDatabase(server.adminUrl);
  const names: string[] = [];
  const cloned = await timeRuns(20, async () => {
    const name = uniqueDatabaseName('wb_bench');
    names.push(name);
    await createDatabase(server.adminUrl, name, template);
  });
  const migrated = await timeRuns(5, async () => {
    const name = uniqueDatabaseName('wb_bench');
    names.push(name);
    await migrate(await createDatabase(server.adminUrl, name));
  });
  console.log(`${label}: fresh test database cloned from the template: ${summary(cloned)}`);
  console.log(`${label}: reference, empty database + all migrations:      ${summary(migrated)}`);
  for (const name of [...names, template]) await dropDatabase(server.adminUrl, name);
}

const embedded = await startTestServer(undefined);
await databases('embedded PostgreSQL 18', embedded);
await embedded.stop();
if (process.env.DATABASE_URL)
  await databases(`server ${new URL(process.env.DATABASE_URL).host}`, await startTestServer());
fs.rmSync(root, { recursive: true, force: true });
