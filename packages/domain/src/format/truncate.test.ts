import { describe, expect, it } from 'vitest';
import { truncate } from './truncate.ts';

describe('truncate', () => {
  it('keeps text that fits and cuts the rest to at most max characters ending in "…"', () => {
    expect(truncate('короткий', 8)).toBe('короткий');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('…');
  });

  it('cuts between words when a space is near the limit', () => {
    expect(truncate('ткань тонкая', 8)).toBe('ткань…');
    expect(truncate('Очень плохо. Очень плохо.', 20)).toBe('Очень плохо. Очень…');
  });

  it('never leaves half an emoji', () => {
    const cut = truncate('ab😡😡😡', 4);
    expect(cut).toBe('ab…');
    expect(cut.isWellFormed()).toBe(true);
  });
});
