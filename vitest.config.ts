import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) need nothing; integration tests (*.int.test.ts) each get a fresh
// PostgreSQL database cloned from a migrated template, so both kinds run files in parallel.
const roots = ['apps/*/src/**', 'packages/*/src/**', 'tooling/*/src/**', 'scripts/**', 'bench/**'];

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    // Integration files spend most of their time waiting on processes, sockets and timers, not
    // on the CPU: vitest's default (cores - 1) ran them one at a time on a 2-core machine, with
    // a core idle for most of the run. `npm test -- --maxWorkers 1` still runs them in series.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: roots.map((root) => `${root}/*.test.ts`),
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: roots.map((root) => `${root}/*.int.test.ts`),
          exclude: ['**/node_modules/**'],
          globalSetup: ['packages/db/src/testing/global-setup.ts'],
          setupFiles: ['packages/db/src/testing/setup-file.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
