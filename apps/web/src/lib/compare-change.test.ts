import { describe, expect, it } from 'vitest';
import { compareChange } from './compare-change';

describe('compareChange', () => {
  it('colours by meaning: more orders is good, more returns is bad, fewer cancellations is good', () => {
    expect(compareChange({ now: 13, before: 10, better: 'higher', kind: 'count' })).toEqual({
      text: '+30\u00a0%',
      tone: 'good',
    });
    expect(compareChange({ now: 33, before: 10, better: 'lower', kind: 'count' })).toEqual({
      text: '+230\u00a0%',
      tone: 'bad',
    });
    expect(compareChange({ now: 5, before: 7, better: 'lower', kind: 'count' })).toEqual({
      text: '\u221229\u00a0%',
      tone: 'good',
    });
    expect(compareChange({ now: 7, before: 10, better: 'higher', kind: 'count' }).tone).toBe('bad');
  });

  it('is neutral when nothing changed', () => {
    expect(compareChange({ now: 10, before: 10, better: 'lower', kind: 'count' })).toEqual({
      text: '0\u00a0%',
      tone: 'neutral',
    });
  });

  it('shows «новое» against nothing and «—» against a near-empty base, never a giant percentage', () => {
    expect(compareChange({ now: 4, before: 0, better: 'higher', kind: 'count' })).toMatchObject({
      text: 'новое',
      tone: 'good',
    });
    expect(compareChange({ now: 2, before: 0, better: 'lower', kind: 'count' })).toMatchObject({
      text: 'новое',
      tone: 'bad',
    });
    expect(compareChange({ now: 0, before: 0, better: 'higher', kind: 'count' })).toMatchObject({
      text: '—',
      tone: 'neutral',
    });
    expect(compareChange({ now: 9, before: 3, better: 'higher', kind: 'count' }).text).toBe('—');
    expect(compareChange({ now: 2_459_680, before: 1_000, better: 'higher', kind: 'money' }).text).toBe('—');
    expect(compareChange({ now: 5_000, before: 400, better: 'higher', kind: 'money' }).text).toBe('—');
    // Money can be negative (returns above buyouts): no percentage of a negative base.
    expect(compareChange({ now: 500, before: -300, better: 'higher', kind: 'money' }).text).toBe('новое');
  });

  it('compares a rate in percentage points, and says so', () => {
    expect(compareChange({ now: 0.8, before: 0.75, better: 'higher', kind: 'rate' })).toEqual({
      text: '+5 п.п.',
      tone: 'good',
    });
  });

  it('has nothing to say without one of the figures', () => {
    expect(compareChange({ now: null, before: 0.5, better: 'higher', kind: 'rate' })).toMatchObject({ text: '—' });
  });
});
