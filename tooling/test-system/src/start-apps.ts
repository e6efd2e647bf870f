import path from 'node:path';
import { freePort } from '@wb-assist/db/testing';
import { startProcess, type AppProcess } from './app-process.ts';
import { repoRoot } from './repo-root.ts';
import { waitForHttp } from './wait-for-http.ts';

// The apps are started by their entry files' paths, never imported: tooling stays apart from
// the product (eslint.config.js), and a test sees the program a deployment runs.

interface StartOptions {
  env: NodeJS.ProcessEnv;
  /** `[name] ` before each chunk of output; by default the app's name, unprefixed. */
  name?: string;
  prefixOutput?: boolean;
}

/** A worker process: apps/worker/src/main.ts, or another entry of the worker's (a test's worker). */
export function startWorker(options: StartOptions & { entry?: string }): AppProcess {
  return startProcess({
    name: options.name ?? 'worker',
    args: [options.entry ?? 'apps/worker/src/main.ts'],
    env: options.env,
    prefixOutput: options.prefixOutput ?? false,
  });
}

/** A bot process (apps/bot/src/main.ts); not awaited, a test may watch it start. */
export function startBot(options: StartOptions): AppProcess {
  return startProcess({
    name: options.name ?? 'bot',
    args: ['apps/bot/src/main.ts'],
    env: options.env,
    prefixOutput: options.prefixOutput ?? false,
  });
}

/** An API process (apps/api/src/main.ts) on `port` (a free one by default), once it answers /healthz. */
export async function startApi(
  options: StartOptions & { port?: number },
): Promise<AppProcess & { url: string; wsUrl: string }> {
  const port = options.port ?? (await freePort());
  const api = startProcess({
    name: options.name ?? 'api',
    args: ['apps/api/src/main.ts'],
    env: { ...options.env, API_PORT: String(port) },
    prefixOutput: options.prefixOutput ?? false,
  });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, { timeoutMs: 60_000, alive: () => api.alive() }).catch(
    async (error: Error) => {
      await api.stop('SIGKILL');
      throw new Error(`${error.message}\n${api.output()}`);
    },
  );
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
  });
}

export const webDir = path.join(repoRoot, 'apps/web');
export const nextBin = path.join(repoRoot, 'node_modules/.bin/next');

/** The dashboard's production build under `next start` on `port`, once /login answers. */
export async function startWeb(options: StartOptions & { port: number }): Promise<AppProcess & { url: string }> {
  const web = startProcess({
    name: options.name ?? 'web',
    command: nextBin,
    args: ['start', '--port', String(options.port), '--hostname', '127.0.0.1'],
    cwd: webDir,
    env: options.env,
    prefixOutput: options.prefixOutput ?? false,
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/login`, { timeoutMs: 30_000, alive: () => web.alive() }).catch(async (error: Error) => {
    await web.stop('SIGKILL');
    throw new Error(`${error.message}\n${web.output()}`);
  });
  return Object.assign(web, { url });
}
