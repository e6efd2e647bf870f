import { describe, expect, it } from 'vitest';
import { keyProblem } from './key-problem';

const now = new Date('2026-12-07T12:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('keyProblem', () => {
  it('reports a key WB refused and a paused cabinet whatever the expiry', () => {
    expect(keyProblem({ status: 'key_invalid', expiresAt: inDays(100) }, now)).toEqual({ kind: 'refused' });
    expect(keyProblem({ status: 'paused', expiresAt: inDays(100) }, now)).toEqual({ kind: 'paused' });
  });

  it('warns 30 days ahead with the days left, and says when it has expired', () => {
    expect(keyProblem({ status: 'ready', expiresAt: inDays(31) }, now)).toBeNull();
    expect(keyProblem({ status: 'ready', expiresAt: inDays(30) }, now)).toEqual({
      kind: 'expiring',
      expiresAt: inDays(30),
      daysLeft: 30,
    });
    expect(keyProblem({ status: 'ready', expiresAt: inDays(0.2) }, now)).toMatchObject({ daysLeft: 1 });
    expect(keyProblem({ status: 'ready', expiresAt: inDays(-1) }, now)).toEqual({
      kind: 'expired',
      expiresAt: inDays(-1),
    });
  });
});
