import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { sign, verify } from './signature.ts';

describe('webhook signature', () => {
  const secret = 's'.repeat(32);
  const body = JSON.stringify({ text: 'Новый заказ' });
  const now = Date.UTC(2026, 10, 28, 9, 0, 0);

  it('accepts the exact body signed with the shared secret', () => {
    expect(verify(secret, body, sign(secret, body, now), now)).toEqual({ ok: true });
  });

  it('refuses a tampered body, another secret, a missing or malformed header', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, body.replace('Новый', 'Старый'), header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('x'.repeat(32), body, header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, body, undefined, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verify(secret, body, 't=abc,v1=zz', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a replay after five minutes', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, body, header, now + 299_000)).toEqual({ ok: true });
    expect(verify(secret, body, header, now + 301_000)).toEqual({ ok: false, reason: 'stale' });
  });
});

describe('ReplayGuard', () => {
  it('accepts a signature once and refuses the same request sent again', () => {
    const guard = new ReplayGuard();
    const now = Date.UTC(2026, 10, 28, 9, 0, 0);
    const header = sign('s'.repeat(32), '{}', now);
    expect(guard.accept(header, now)).toBe(true);
    expect(guard.accept(header, now + 1_000)).toBe(false);
    expect(guard.accept(sign('s'.repeat(32), '{"other":1}', now), now + 1_000)).toBe(true);
  });
});
