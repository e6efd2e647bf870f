/**
 * Polls `check` every 100 ms until it returns something truthy, and returns that; throws
 * "timed out waiting for <what>" after `timeoutMs`. For tests that wait on other processes.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 15_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
