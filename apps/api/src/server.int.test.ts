import type http from 'node:http';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@wb-assist/logger';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@wb-assist/db/testing';
import { testAdminUrl, testDatabaseUrl } from '@wb-assist/db/testing';
import { readMigrations } from '@wb-assist/db';
import { createApiServer, listen } from './server.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(databaseUrl: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
  pool.on('error', () => undefined);
  const server: http.Server = createApiServer({ pool, logger: createLogger({ name: 'api-test', level: 'silent' }) });
  const port = await listen(server, 0, '127.0.0.1');
  cleanups.push(
    () => pool.end(),
    () => new Promise((resolve) => server.close(resolve)),
  );
  return `http://127.0.0.1:${port}`;
}

describe('GET /healthz', () => {
  it('answers 200 with the version when the database is reachable and fully migrated', async () => {
    const response = await fetch(`${await serve(testDatabaseUrl())}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      version: '0.1.0',
      database: { reachable: true },
      migrations: { applied: readMigrations().length, pending: [], edited: [], unknown: [] },
    });
  });

  it('answers 503 naming the migrations that are not applied', async () => {
    const name = uniqueDatabaseName('wb_unmigrated');
    const url = await createDatabase(testAdminUrl(), name);
    cleanups.push(() => dropDatabase(testAdminUrl(), name));
    const response = await fetch(`${await serve(url)}/healthz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; migrations: { pending: string[] } };
    expect(body.status).toBe('unavailable');
    expect(body.migrations.pending).toEqual(readMigrations().map((m) => m.name));
  });

  it('answers 503 when the database cannot be reached', async () => {
    const response = await fetch(`${await serve('postgresql://nobody@127.0.0.1:1/none')}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      database: { reachable: false, error: 'ECONNREFUSED' },
    });
  });

  it('serves /readyz like /healthz and counts requests in /metrics', async () => {
    const base = await serve(testDatabaseUrl());
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await fetch(`${base}/nope`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('process_resident_memory_bytes{app="api"}');
    expect(metrics).toMatch(/http_requests_total\{route="other",status="404",app="api"\} 1/);
    expect(metrics).toMatch(/http_requests_total\{route="other",status="200",app="api"\} 1/);
  });

  it('answers 404 in JSON for unknown routes', async () => {
    const response = await fetch(`${await serve(testDatabaseUrl())}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', message: 'No route for GET /nope' });
  });
});
