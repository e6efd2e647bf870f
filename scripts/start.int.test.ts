import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, testRunId, waitFor } from '@wb-assist/db/testing';
import { buildWebOnce, testDistEnv } from '../apps/web/src/e2e/build.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const children: ChildProcess[] = [];
const folders: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The environment of a fresh machine: none of the test run's database settings. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, WB_TEST_ADMIN_DATABASE_URL: _admin, ...rest } = process.env;
  return { ...rest, ...extra };
}

function run(args: string[], env: NodeJS.ProcessEnv, cwd = repoRoot) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start (scripts/start.ts)', () => {
  it('brings up embedded PostgreSQL, the demo shop, the API, the worker, the bot and the dashboard, and Ctrl-C leaves no PostgreSQL behind', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-start-'));
    fs.chmodSync(dataDir, 0o755);
    folders.push(dataDir);
    const apiPort = await freePort();
    const workerPort = await freePort();
    const botPort = await freePort();
    const webPort = await freePort();
    // The run's shared dashboard build (the browser tests use the same one): `npm start` finds
    // it fresh and serves it instead of building its own, which would cost a minute of CI.
    await buildWebOnce(testRunId());
    const bannerLine = `dashboard:  http://localhost:${webPort}  (log in with «Войти в демо»)`;
    const launcher = run(
      ['scripts/start.ts'],
      cleanEnv({
        DATA_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        API_PORT: String(apiPort),
        WORKER_PORT: String(workerPort),
        BOT_PORT: String(botPort),
        WEB_PORT: String(webPort),
        ...testDistEnv,
        LOG_FORMAT: 'json',
      }),
    );
    // Watched from the launch on: what the dashboard answered the moment the banner appeared.
    const answeredAtBanner = (async () => {
      const deadline = Date.now() + 240_000;
      while (!launcher.output().includes(bannerLine)) {
        if (Date.now() > deadline || launcher.child.exitCode !== null) return 'no banner';
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return fetch(`http://127.0.0.1:${webPort}/login`).then(
        (answer) => answer.status,
        (error: Error) => `${error.message} (${String((error.cause as Error | undefined)?.message)})`,
      );
    })();
    const response = await Promise.race([
      waitForHealth(`http://127.0.0.1:${apiPort}/healthz`, 45_000),
      launcher.exited.then((code) => Promise.reject(new Error(`launcher exited with ${code}:\n${launcher.output()}`))),
    ]);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
    await waitForHealth(`http://127.0.0.1:${workerPort}/healthz`, 45_000);
    const metrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
    expect(metrics).toContain('process_resident_memory_bytes{app="worker"}');
    expect(metrics).toMatch(/db_query_duration_seconds_count\{app="worker"\} [1-9]/);
    // No BOT_TOKEN: the demo — the emulator's shop connected for the demo user, the bot on the fake Bot API.
    await waitForHealth(`http://127.0.0.1:${botPort}/healthz`, 45_000);
    expect(launcher.output()).toContain('demo seller «ИП Демонстрационный магазин» connected for the demo user');
    // The dashboard: its production build under next start, on WEB_PORT, offering the demo
    // login and pointed at this copy's API. The banner waits for it: the address it prints
    // answers the moment it is printed, not only once the build is done.
    expect(await answeredAtBanner).toBe(200);
    const login = await fetch(`http://127.0.0.1:${webPort}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain(`http://localhost:${apiPort}`);
    expect(launcher.output()).toMatch(/Telegram: +fake Bot API at http:\/\/127\.0\.0\.1:\d+/);
    expect(launcher.output()).toContain(`the chat with the bot in the dashboard: http://localhost:${webPort}/telegram`);
    // The emulator keeps the keys it issued in DATA_DIR, so a restart keeps the demo's cabinets.
    expect(fs.existsSync(path.join(dataDir, 'wb-emulator.json'))).toBe(true);
    const options = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ loginOptions { demo } }' }),
    });
    expect(await options.json()).toEqual({ data: { loginOptions: { demo: true } } });
    // The demo's initial sync shows in the worker's metrics: the sync by kind and outcome, and
    // every WB call by method group and status.
    const synced = await waitFor(
      async () => {
        const text = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
        return /wb_syncs_total\{[^}]*kind="initial"[^}]*\} [1-9]/.test(text) && text;
      },
      { timeoutMs: 60_000, what: 'the initial sync in the worker metrics' },
    );
    expect(synced).toMatch(/wb_syncs_total\{[^}]*kind="initial"[^}]*\} [1-9]/);
    expect(synced).toMatch(/wb_requests_total\{[^}]*method="[^"]+"[^}]*status="200"[^}]*\} [1-9]/);
    expect(synced).toMatch(/wb_sync_duration_seconds_count\{[^}]*kind="initial"[^}]*\} [1-9]/);

    launcher.child.kill('SIGINT');
    expect(await launcher.exited).toBe(0);
    expect(launcher.output()).toContain('stopping the embedded PostgreSQL');
    const ps = spawnSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).stdout;
    expect(ps.split('\n').filter((line) => line.includes(`postgres -D ${path.join(dataDir, 'postgres')}`))).toEqual([]);
  }, 300_000);
});

describe('an app started alone', () => {
  it('keeps its database where the postgres user can reach it when DATA_DIR and the working folder are private', async () => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-private-'));
    const fallbackRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-fallback-'));
    fs.chmodSync(fallbackRoot, 0o755);
    folders.push(privateDir, fallbackRoot);
    const apiPort = await freePort();
    // Started from inside the private folder, as a clone made with mktemp -d would be.
    const api = run(
      [path.join(repoRoot, 'apps/api/src/main.ts')],
      cleanEnv({
        DATA_DIR: path.join(privateDir, 'data'),
        EMBEDDED_POSTGRES_PORT: String(await freePort()),
        API_PORT: String(apiPort),
        EMBEDDED_POSTGRES_FALLBACK_DIR: fallbackRoot,
      }),
      privateDir,
    );
    await Promise.race([
      waitForHealth(`http://127.0.0.1:${apiPort}/healthz`, 45_000),
      api.exited.then((code) => Promise.reject(new Error(`api exited with ${code}:\n${api.output()}`))),
    ]);
    expect(api.output()).toContain(
      `the postgres user cannot reach ${path.join(privateDir, 'data')}; keeping the embedded database in ${fallbackRoot}/`,
    );
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  });

  it('names host and port in one line and exits 1 when the database is unreachable', async () => {
    const port = await freePort();
    const api = run(
      ['apps/api/src/main.ts'],
      cleanEnv({ DATABASE_URL: `postgresql://wb:pw@127.0.0.1:${port}/wb`, LOG_FORMAT: 'json' }),
    );
    expect(await api.exited).toBe(1);
    const lines = api.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '').msg).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (ECONNREFUSED). Check DATABASE_URL or start the server.`,
    );
    expect(api.output()).not.toContain('pw@');
  });

  it('prints every configuration problem at once without a stack trace and exits 1', async () => {
    const api = run(['apps/api/src/main.ts'], cleanEnv({ NODE_ENV: 'production', API_PORT: 'abc', LOG_LEVEL: 'loud' }));
    expect(await api.exited).toBe(1);
    expect(api.output()).toBe(
      [
        'Invalid configuration:',
        '  - LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
        '  - DATABASE_URL: required in production (or POSTGRES_HOST with POSTGRES_*); the embedded database is for development only',
        '  - API_PORT: must be a port number',
        // The API stores WB keys (connectCabinet): production needs the real secrets too.
        '  - ENCRYPTION_KEY: required in production',
        '  - INTERNAL_WEBHOOK_SECRET: required in production',
        'See .env.example for every variable and its default.',
        '',
      ].join('\n'),
    );
  });
});
