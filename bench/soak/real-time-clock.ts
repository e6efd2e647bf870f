import type { Store } from '@wb-assist/wb-emulator';

export interface RealTimeClock {
  /** The shops' time when the clock was let go: events after it are the ones that count. */
  startVirtual: number;
  /** Stops the shops' time where it is; returns that moment. */
  stop(): number;
  /** Real time (epoch ms) at which the shops' clock reached `virtual`: when WB could first show it. */
  realTimeOf(virtual: number): number;
}

const TICK_MS = 100;

/**
 * Lets the emulator's frozen clock run at real speed from now on, in 100 ms steps. The clock
 * was frozen for the setup so every cabinet's initial sync saw the same moment; from here on
 * shop time is real time shifted by the setup's length. Real time, not faster, because the
 * soak's latency figure (event in WB → message in Telegram) then means what a seller waits,
 * and WB's rate limits, sync interval and Telegram's limits all keep their real proportions.
 * Each step is recorded, so an event's time maps back to the real moment it became visible.
 */
export function startRealTimeClock(store: Store): RealTimeClock {
  const startVirtual = store.clock.now();
  const startReal = Date.now();
  const steps: { real: number; virtual: number }[] = [{ real: startReal, virtual: startVirtual }];
  const timer = setInterval(() => {
    const real = Date.now();
    const target = startVirtual + (real - startReal);
    const now = store.clock.now();
    if (target > now) store.clock.advance(target - now);
    steps.push({ real, virtual: store.clock.now() });
  }, TICK_MS);
  return {
    startVirtual,
    stop() {
      clearInterval(timer);
      return store.clock.now();
    },
    realTimeOf(virtual) {
      // The first step at or after the moment: the event existed from that step on.
      let lo = 0;
      let hi = steps.length - 1;
      if (steps[hi]!.virtual < virtual) return steps[hi]!.real;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (steps[mid]!.virtual < virtual) lo = mid + 1;
        else hi = mid;
      }
      return steps[lo]!.real;
    },
  };
}
