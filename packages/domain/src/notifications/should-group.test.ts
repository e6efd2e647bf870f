import { describe, expect, it } from 'vitest';
import { shouldGroup } from './should-group.ts';

describe('shouldGroup', () => {
  it('groups more than five events of one type, sends up to five one by one', () => {
    expect(shouldGroup(1)).toBe(false);
    expect(shouldGroup(5)).toBe(false);
    expect(shouldGroup(6)).toBe(true);
    expect(shouldGroup(1833)).toBe(true);
  });
});
