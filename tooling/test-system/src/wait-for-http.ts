/**
 * Polls `url` until it answers below 500, for a server process that is starting; throws after
 * `timeoutMs`, or at once with the process's output when `alive` says it died.
 */
export async function waitForHttp(url: string, { timeoutMs = 30_000, alive = () => undefined as void } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    alive();
    const ok = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
