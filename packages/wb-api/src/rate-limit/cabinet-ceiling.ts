/**
 * WB refills on its own clock and requests take a few milliseconds to arrive: two sent exactly
 * one interval apart can land closer together. Intervals 5% longer keep them apart where WB
 * (or the emulator) counts.
 */
export const ARRIVAL_MARGIN = 1.05;

/**
 * No more than this is added, however long the interval: arrivals differ by milliseconds, not
 * by 5% of a minute, and on the order feed (one call a minute) each second of margin is a
 * second added to every order's wait.
 */
export const MAX_ARRIVAL_MARGIN_MS = 1_000;

/** An interval as the client keeps it: 5% longer, by at most MAX_ARRIVAL_MARGIN_MS. */
export function withArrivalMargin(intervalMs: number): number {
  return Math.min(intervalMs * ARRIVAL_MARGIN, intervalMs + MAX_ARRIVAL_MARGIN_MS);
}

/**
 * Our own ceiling on one cabinet's WB requests, whatever their method group or host, on top of
 * WB's per-group limits: at most `perMinute` in any minute (WB_API_RATE_LIMIT) and at least
 * `intervalMs` between two (WB_API_INTERVAL). Where they disagree the stricter one holds.
 */
export interface CabinetCeiling {
  perMinute: number;
  intervalMs: number;
  /**
   * WB_RATE_LIMIT_SCALE: the minute and the interval shrink with WB's own limits, so the
   * emulator's fast profile (and the tests and demo on it) keep their speed.
   */
  scale?: number;
}

function spans(ceiling: CabinetCeiling): { windowMs: number; gapMs: number } {
  const scale = ceiling.scale ?? 1;
  return { windowMs: withArrivalMargin(60_000 * scale), gapMs: withArrivalMargin(ceiling.intervalMs * scale) };
}

/** The send times (epoch ms, oldest first) that can still delay a request at `now`. */
export function recentSends(sent: readonly number[], now: number, ceiling: CabinetCeiling): number[] {
  const { windowMs, gapMs } = spans(ceiling);
  const horizon = now - Math.max(windowMs, gapMs);
  return sent.filter((at) => at > horizon).slice(-ceiling.perMinute);
}

/** Milliseconds until the cabinet may send one more request (0: now). Pure, shared by the stores. */
export function ceilingWait(sent: readonly number[], now: number, ceiling: CabinetCeiling): number {
  const { windowMs, gapMs } = spans(ceiling);
  const recent = recentSends(sent, now, ceiling);
  const last = recent.at(-1);
  const afterGap = last === undefined ? 0 : last + gapMs - now;
  // The request `perMinute` back must have left the window before one more may go.
  const oldestCounted = recent.length >= ceiling.perMinute ? recent[recent.length - ceiling.perMinute] : undefined;
  const afterWindow = oldestCounted === undefined ? 0 : oldestCounted + windowMs - now;
  return Math.max(0, Math.ceil(afterGap), Math.ceil(afterWindow));
}

/** The ceiling the settings describe; every process builds its limiter from the same ones. */
export function cabinetCeiling(env: {
  WB_API_RATE_LIMIT: number;
  WB_API_INTERVAL: number;
  WB_RATE_LIMIT_SCALE: number;
}): CabinetCeiling {
  return { perMinute: env.WB_API_RATE_LIMIT, intervalMs: env.WB_API_INTERVAL, scale: env.WB_RATE_LIMIT_SCALE };
}
