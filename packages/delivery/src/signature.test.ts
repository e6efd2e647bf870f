import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';
import { sign, verify } from './signature.ts';

const secret = 's'.repeat(32);
const body = JSON.stringify({ text: 'Новый заказ' });
const now = Date.UTC(2026, 10, 28, 9, 0, 0);

/** The same signature written differently: parts swapped, `t` with a leading zero, spaces. */
function rewrites(header: string): string[] {
  const [t, v1] = header.split(',') as [string, string];
  return [`${v1},${t}`, t.replace('t=', 't=0') + `,${v1}`, `${t}, ${v1}`];
}

describe('webhook signature', () => {
  it('accepts the exact body signed with the shared secret and gives the signed time and digest', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, body, header, now)).toEqual({
      ok: true,
      signature: { timestamp: now / 1000, digest: header.split('v1=')[1] },
    });
  });

  it('reads the same signature however its parts are written', () => {
    const header = sign(secret, body, now);
    const canonical = verify(secret, body, header, now);
    for (const rewritten of rewrites(header)) expect(verify(secret, body, rewritten, now)).toEqual(canonical);
  });

  it('refuses a tampered body, another secret, a missing or malformed header', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, body.replace('Новый', 'Старый'), header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify('x'.repeat(32), body, header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify(secret, body, undefined, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verify(secret, body, 't=abc,v1=zz', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a header with a part twice, an unknown part, or trailing text on a part', () => {
    const header = sign(secret, body, now);
    const [t, v1] = header.split(',') as [string, string];
    for (const odd of [
      `${t},${t},${v1}`,
      `${t},${v1},${v1}`,
      `t=${now / 1000 - 1},${t},${v1}`,
      `${header},v0=abc`,
      `${t},${v1}=00`,
      `${t}=1,${v1}`,
      `t=,${v1}`,
      `t=-${now / 1000},${v1}`,
      `t=1e9,${v1}`,
      `${t},${v1.toUpperCase().replace('V1', 'v1')}`,
    ]) {
      expect(verify(secret, body, odd, now), odd).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a replay after five minutes', () => {
    const header = sign(secret, body, now);
    expect(verify(secret, body, header, now + 299_000)).toMatchObject({ ok: true });
    expect(verify(secret, body, header, now + 301_000)).toEqual({ ok: false, reason: 'stale' });
  });
});

describe('ReplayGuard', () => {
  const accepted = (header: string, at = now) => {
    const verdict = verify(secret, body, header, at);
    if (!verdict.ok) throw new Error(`signature refused: ${verdict.reason}`);
    return verdict.signature;
  };

  it('accepts a signature once and refuses the same request sent again', () => {
    const guard = new ReplayGuard();
    const header = sign(secret, body, now);
    expect(guard.accept(accepted(header), now)).toBe(true);
    expect(guard.accept(accepted(header), now + 1_000)).toBe(false);
    expect(guard.accept(accepted(sign(secret, body, now + 1_000)), now + 1_000)).toBe(true);
  });

  it('refuses the same signature written differently', () => {
    const guard = new ReplayGuard();
    const header = sign(secret, body, now);
    expect(guard.accept(accepted(header), now)).toBe(true);
    for (const rewritten of rewrites(header)) expect(guard.accept(accepted(rewritten), now), rewritten).toBe(false);
  });
});
