import { describe, expect, it } from 'vitest';
import { cabinetCeiling, ceilingWait, recentSends } from './cabinet-ceiling.ts';

const NOW = 1_000_000_000;
// Every span is 5% longer than set (ARRIVAL_MARGIN), by at most 1 s: a minute is 61 s, 2000 ms
// is 2100 ms.

describe('cabinet ceiling', () => {
  it('lets the first request go at once', () => {
    expect(ceilingWait([], NOW, { perMinute: 30, intervalMs: 2_000 })).toBe(0);
  });

  it('keeps WB_API_INTERVAL between two requests, even one longer than a minute', () => {
    expect(ceilingWait([NOW - 1_000], NOW, { perMinute: 30, intervalMs: 2_000 })).toBe(1_100);
    expect(ceilingWait([NOW - 2_100], NOW, { perMinute: 30, intervalMs: 2_000 })).toBe(0);
    expect(ceilingWait([NOW - 90_000], NOW, { perMinute: 10, intervalMs: 120_000 })).toBe(31_000);
  });

  it('lets a burst of WB_API_RATE_LIMIT go, then waits until the first leaves the minute', () => {
    const ceiling = { perMinute: 3, intervalMs: 0 };
    expect(ceilingWait([NOW - 20, NOW - 10], NOW, ceiling)).toBe(0);
    expect(ceilingWait([NOW - 50_000, NOW - 30_000, NOW - 10_000], NOW, ceiling)).toBe(11_000);
    expect(ceilingWait([NOW - 70_000, NOW - 30_000, NOW - 10_000], NOW, ceiling)).toBe(0);
  });

  it('shrinks the minute and the interval with WB_RATE_LIMIT_SCALE', () => {
    const ceiling = cabinetCeiling({ WB_API_RATE_LIMIT: 2, WB_API_INTERVAL: 2_000, WB_RATE_LIMIT_SCALE: 0.001 });
    expect(ceilingWait([NOW - 1], NOW, ceiling)).toBe(2);
    expect(ceilingWait([NOW - 40, NOW - 30], NOW, ceiling)).toBe(23);
  });

  it('remembers only the requests that can still hold one back', () => {
    const ceiling = { perMinute: 30, intervalMs: 1_000 };
    const sent = [NOW - 70_000, ...Array.from({ length: 35 }, (_, i) => NOW - 35_000 + i * 1_000)];
    expect(recentSends(sent, NOW, ceiling)).toEqual(sent.slice(-30));
    expect(recentSends([NOW - 70_000], NOW, ceiling)).toEqual([]);
  });
});
