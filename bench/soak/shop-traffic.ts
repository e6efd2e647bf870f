import type { TrafficOptions } from '@wb-assist/wb-emulator';

/**
 * Relative order intensity by Moscow hour, as the emulator's generator shapes arrivals
 * (DAILY_CURVE in tooling/wb-emulator/src/generator.ts, not exported). Kept here only to even
 * it out: a soak started at 4 a.m. Moscow time should see as many orders as one at noon.
 */
const DAILY_CURVE = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95, 1, 1.05, 1, 0.95, 0.95, 1, 1.1, 1.25, 1.4, 1.5, 1.35, 1,
  0.6,
];
const CURVE_MEAN = DAILY_CURVE.reduce((a, b) => a + b, 0) / DAILY_CURVE.length;

/**
 * A shop's life for a soak: orders at `ordersPerDay` at the current hour, and every fate an
 * order can have (cancellation, buyout, return, review, money filled in later, restock, stock
 * moved between warehouses) within minutes instead of days, so a ten-minute run sees all of
 * them, and the orders placed before the run still have fates pending when it starts.
 */
export function shopTraffic(ordersPerDay: number, now = Date.now()): Partial<TrafficOptions> {
  const moscowHour = new Date(now + 3 * 3_600_000).getUTCHours();
  return {
    ordersPerDay: Math.round((ordersPerDay * CURVE_MEAN) / (DAILY_CURVE[moscowHour] ?? CURVE_MEAN)),
    cancelRate: 0.15,
    cancelAfterHours: [0.01, 0.1],
    buyoutAfterHours: [0.02, 0.2],
    returnRate: 0.12,
    returnAfterHours: [0.02, 0.2],
    reviewRate: 0.4,
    reviewAfterHours: [0.01, 0.15],
    lateMoneyRate: 0.5,
    restockRate: 0.3,
    transferRate: 0.05,
  };
}

/** History before the run: long enough that every fate above is pending for some older order. */
export const HISTORY_DAYS = 0.1;
