import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '@wb-assist/embedded-postgres';
import { migrate } from '../migrate.ts';
import { freePort } from './free-port.ts';

export interface TestServer {
  /** A URL on the server with rights to create and drop databases. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL's server when set (CI uses the machine's PostgreSQL 15); else a throwaway embedded one. */
export async function startTestServer(databaseUrl = process.env.DATABASE_URL): Promise<TestServer> {
  if (databaseUrl) return { adminUrl: databaseUrl, embedded: false, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-assist-test-pg-'));
  // The server runs as the unprivileged postgres user when we are root: it must reach the folder.
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    user: 'postgres',
    password: randomBytes(12).toString('hex'),
    database: 'postgres',
    durable: false,
  });
  return {
    adminUrl: server.url,
    embedded: true,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await admin(adminUrl, (client) =>
    client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)} STRATEGY FILE_COPY` : ''}`,
    ),
  );
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/** A migrated database that every test file clones: migrating once, copying in milliseconds. */
export async function createTemplateDatabase(adminUrl: string): Promise<string> {
  const name = uniqueDatabaseName('wb_template');
  const url = await createDatabase(adminUrl, name);
  await migrate(url);
  return name;
}
