import { describe, expect, it } from 'vitest';
import { isCriticalStock } from './is-critical-stock.ts';

describe('isCriticalStock', () => {
  it('is critical at or below the threshold, not above it', () => {
    expect(isCriticalStock({ available: 0, threshold: 2 })).toBe(true);
    expect(isCriticalStock({ available: 2, threshold: 2 })).toBe(true);
    expect(isCriticalStock({ available: 3, threshold: 2 })).toBe(false);
  });
});
