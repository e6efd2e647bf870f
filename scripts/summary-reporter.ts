import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints the closing line `N passed, N failed` that our CI reads. A file that fails to load, a
 * failing beforeAll/afterAll (whose suite's tests vitest then reports as skipped, or as passed),
 * and an unhandled error each count as a failure: none may hide behind a green count.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedHere += 1;
        else skipped += 1;
      }
      // Load errors and hook errors are kept on the file or suite, not on any test.
      for (const entity of [module, ...module.children.allSuites()]) if (entity.errors().length > 0) failedHere += 1;
      if (failedHere === 0 && module.state() === 'failed') failedHere = 1;
      failed += failedHere;
    }
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
