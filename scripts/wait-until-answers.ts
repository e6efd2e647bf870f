/**
 * Resolves once `url` answers HTTP 200, polling every `intervalMs`; resolves false instead when
 * `stopped()` turns true first (the launcher is shutting down, or an app failed).
 */
export async function waitUntilAnswers(
  url: string,
  { intervalMs = 500, stopped = () => false }: { intervalMs?: number; stopped?: () => boolean } = {},
): Promise<boolean> {
  for (;;) {
    if (stopped()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // Not listening yet, or still building: ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
