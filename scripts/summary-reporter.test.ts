import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repoRoot, 'scripts/testing/fixtures/failing-suites');

it('counts a file that cannot load and every failing hook as failures, and exits non-zero', () => {
  // A vitest of its own, as `npm test` runs it: this run's worker settings must not leak in.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const run = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', fixtures],
    {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const closing = run.stdout.trim().split('\n').at(-1);
  // passing.fixture.ts and the test before the failing afterAll pass; import-error.fixture.ts,
  // the failing beforeAll and the failing afterAll are one failure each; the two tests the
  // beforeAll kept from running are skipped.
  expect(closing, run.stdout + run.stderr).toBe('2 passed, 3 failed, 2 skipped');
  expect(run.status).toBe(1);
});
