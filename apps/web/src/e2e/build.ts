import { spawnSync } from 'node:child_process';
import { nextBin, webDir } from '@wb-assist/test-system';

export { webDir };
/** The tests' own build folder (next.config.ts reads it), apart from the one `npm start` serves. */
export const testDistEnv = { NEXT_DIST_DIR: '.next-e2e' };

/**
 * The production build the tests run against. Built fresh on every run (about 15–20 s with
 * Turbopack), so a test never passes on a stale bundle.
 */
export function buildWeb(): void {
  const result = spawnSync(nextBin, ['build'], {
    cwd: webDir,
    encoding: 'utf8',
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, ...testDistEnv, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}
