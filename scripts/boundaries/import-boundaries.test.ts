import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import boundaries of eslint.config.js, run through ESLint's own API on small in-memory
// files placed where real ones would be: each rule must fail its violation and let the
// allowed imports through.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

/** The boundary complaints about one import statement in a file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${source}';\n`, { filePath: path.join(repoRoot, filePath) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  // The first lint loads the config and its plugins: seconds on a busy machine, paid once here.
  beforeAll(() => boundaryErrors('apps/api/src/fixture.ts', '@wb-assist/db'), 60_000);

  it('an app importing another app by relative path fails', async () => {
    expect(await boundaryErrors('apps/api/src/fixture.ts', '../../worker/src/testing/cabinets.ts')).toEqual([
      expect.stringMatching(/Never import an app by relative path/),
    ]);
    expect(await boundaryErrors('apps/web/src/e2e/fixture.ts', '../../../api/src/testing/harness.ts')).toHaveLength(1);
  });

  it('an app importing another app by package name fails', async () => {
    expect(await boundaryErrors('apps/web/src/e2e/fixture.ts', '@wb-assist/api')).toEqual([
      expect.stringMatching(/Apps and bench are not libraries/),
    ]);
    expect(await boundaryErrors('apps/bot/src/fixture.test.ts', '@wb-assist/worker/src/worker.ts')).toHaveLength(1);
  });

  it("a package's production code importing tooling fails; its tests and testing/ folders may", async () => {
    expect(await boundaryErrors('packages/sync/src/fixture.ts', '@wb-assist/wb-emulator')).toEqual([
      expect.stringMatching(/Production code of a package never imports tooling/),
    ]);
    expect(await boundaryErrors('packages/db/src/fixture.ts', '@wb-assist/embedded-postgres')).toHaveLength(1);
    expect(await boundaryErrors('packages/sync/src/fixture.test.ts', '@wb-assist/wb-emulator')).toEqual([]);
    expect(await boundaryErrors('packages/db/src/testing/fixture.ts', '@wb-assist/embedded-postgres')).toEqual([]);
  });

  it('packages and tooling importing an app fail, tests included', async () => {
    expect(await boundaryErrors('packages/core/src/fixture.test.ts', '../../../apps/api/src/server.ts')).toHaveLength(
      1,
    );
    expect(
      await boundaryErrors('tooling/test-system/src/fixture.ts', '../../../apps/worker/src/worker.ts'),
    ).toHaveLength(1);
    expect(await boundaryErrors('tooling/wb-emulator/src/fixture.ts', '@wb-assist/bot')).toHaveLength(1);
  });

  it('lets the allowed imports through', async () => {
    expect(await boundaryErrors('apps/api/src/fixture.ts', '@wb-assist/db')).toEqual([]);
    expect(await boundaryErrors('apps/api/src/fixture.ts', './testing/harness.ts')).toEqual([]);
    expect(await boundaryErrors('apps/worker/src/fixture.int.test.ts', '@wb-assist/test-system')).toEqual([]);
    expect(await boundaryErrors('apps/web/src/app/(app)/orders/page.tsx', '../../../lib/format')).toEqual([]);
    expect(await boundaryErrors('tooling/test-system/src/fixture.ts', '@wb-assist/db/testing')).toEqual([]);
  });
});
