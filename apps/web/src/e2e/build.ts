import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { nextBin, webDir } from '@wb-assist/test-system';
import lockfile from 'proper-lockfile';

export { webDir };
/** The tests' own build folder (next.config.ts reads it), apart from the one `npm start` serves. */
export const testDistDir = '.next-e2e';
export const testDistEnv = { NEXT_DIST_DIR: testDistDir };

const buildEnv = (): NodeJS.ProcessEnv => ({
  NEXT_TELEMETRY_DISABLED: '1',
  ...process.env,
  ...testDistEnv,
  NODE_ENV: 'production',
});

/** A fresh production build into the tests' folder (about 15–20 s with Turbopack on a quiet machine). */
export function buildWeb(): void {
  const result = spawnSync(nextBin, ['build'], { cwd: webDir, encoding: 'utf8', env: buildEnv() });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The production build the tests of one run share: built fresh once per test run (`runId`,
 * the run's database prefix), so a test never passes on a stale bundle, and never twice in a
 * run. Test files run in parallel workers, so a file lock makes the first one build while the
 * others wait; the build runs asynchronously so the lock keeps being refreshed meanwhile.
 */
export async function buildWebOnce(runId: string): Promise<void> {
  const stamp = path.join(webDir, testDistDir, 'wb-test-run');
  const release = await lockfile.lock(webDir, {
    lockfilePath: path.join(webDir, `${testDistDir}.lock`),
    stale: 30_000,
    retries: { retries: 1_000, minTimeout: 200, maxTimeout: 1_000 },
  });
  try {
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === runId) return;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(nextBin, ['build'], { cwd: webDir, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed:\n${text}`))));
    });
    fs.writeFileSync(stamp, runId);
  } finally {
    await release();
  }
}
