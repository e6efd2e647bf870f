import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const started: EmbeddedPostgres[] = [];
const folders: string[] = [];

function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-embedded-'));
  fs.chmodSync(dir, 0o755);
  folders.push(dir);
  return path.join(dir, 'pg');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function start(dataDir: string, port: number) {
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    user: 'wb',
    password: 'secret',
    database: 'shop',
    durable: false,
  });
  started.push(server);
  return server;
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** postgres processes serving a data folder, from the process table. */
function postgresProcesses(dataDir: string): number[] {
  const out = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter((line) => line.includes(`postgres -D ${dataDir} `))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('initialises a folder, serves the database, keeps data across restarts and stops cleanly', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    const first = await start(dataDir, port);
    expect(first.owned).toBe(true);
    expect((await sql(first.url, 'SHOW server_version_num'))[0].server_version_num >= '150000').toBe(true);
    await sql(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('заказ')");
    await first.stop();
    expect(postgresProcesses(dataDir)).toEqual([]);

    const second = await start(dataDir, port);
    expect(await sql(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'заказ' }]);
    await second.stop();
    expect(postgresProcesses(dataDir)).toEqual([]);
  });

  it('recovers by itself from a run that was killed with its server still running', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    // A separate process starts the server, then dies by SIGKILL: no cleanup runs.
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.join(here, 'embedded-postgres.ts'))};
      const s = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, user: 'wb', password: 'secret', database: 'shop', durable: false });
      process.stdout.write('ready\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => chunk.includes('ready') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(postgresProcesses(dataDir)).toHaveLength(1);

    const server = await start(dataDir, port);
    expect(server.owned).toBe(true);
    expect(await sql(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await server.stop();
    expect(postgresProcesses(dataDir)).toEqual([]);
  });

  it('ignores a lock file left by a server that is gone', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    await (await start(dataDir, port)).stop();
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n0\n${port}\n`);
    const server = await start(dataDir, port);
    expect(await sql(server.url, 'SELECT 2 AS ok')).toEqual([{ ok: 2 }]);
  });

  it('reuses the server another live app already runs on the same folder', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    const owner = await start(dataDir, port);
    const guest = await start(dataDir, port);
    expect(guest.owned).toBe(false);
    await guest.stop();
    expect(await sql(owner.url, 'SELECT 3 AS ok')).toEqual([{ ok: 3 }]);
  });

  it('says which port is taken when another program holds it', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(start(tempFolder(), port)).rejects.toThrow(
        `Port ${port} is taken by another program; set EMBEDDED_POSTGRES_PORT to a free port or DATABASE_URL to a server.`,
      );
    } finally {
      blocker.close();
    }
  });
});
