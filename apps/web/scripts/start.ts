import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm start` launches every app; the dashboard needs a production build first, so build when
// none exists or the sources changed since, then serve it. SIGTERM/SIGINT are passed on so the
// launcher stops cleanly.
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(appDir, 'node_modules/.bin/next');
const bin = fs.existsSync(nextBin) ? nextBin : path.resolve(appDir, '../../node_modules/.bin/next');
// NEXT_DIST_DIR: next.config.ts builds and serves from there (the tests' shared build).
const buildId = path.join(appDir, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID');

/** Newest modification time under the given files and folders. */
function newest(paths: string[]): number {
  let latest = 0;
  for (const entry of paths) {
    if (!fs.existsSync(entry)) continue;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      latest = Math.max(latest, newest(fs.readdirSync(entry).map((name) => path.join(entry, name))));
    } else latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

// Next.js sends anonymous usage data to Vercel unless told not to; a seller's deployment (and
// the offline demo) should not phone anyone. An operator who sets the variable keeps theirs.
const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env };

const sources = ['src', 'next.config.ts', 'package.json', 'tsconfig.json'].map((name) => path.join(appDir, name));
const stale = !fs.existsSync(buildId) || newest(sources) > fs.statSync(buildId).mtimeMs;
if (stale) {
  process.stdout.write('building the dashboard (next build, about half a minute)…\n');
  const build = spawnSync(bin, ['build'], { cwd: appDir, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.WEB_PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const server = spawn(bin, ['start', '--port', port, '--hostname', host], { cwd: appDir, env, stdio: 'inherit' });
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
}
// next start answers a signal by exiting 130/143 itself: asked to stop, that is a clean stop.
server.on('exit', (code, signal) => process.exit(stopping || signal ? 0 : (code ?? 0)));
