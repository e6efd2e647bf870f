import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, SecretDecryptError } from './secret-box.ts';

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips a key and never stores it in clear', () => {
    const stored = encryptSecret('eyJhbGciOiJFUzI1NiJ9.payload.sig', key);
    expect(stored).not.toContain('payload');
    expect(stored.startsWith('v1:')).toBe(true);
    expect(decryptSecret(stored, key)).toBe('eyJhbGciOiJFUzI1NiJ9.payload.sig');
  });

  it('uses a new IV each time', () => {
    expect(encryptSecret('same', key)).not.toBe(encryptSecret('same', key));
  });

  it('refuses a wrong key or a tampered value with a clear error', () => {
    const stored = encryptSecret('secret', key);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(SecretDecryptError);
    const [v, iv, tag, data] = stored.split(':');
    const flipped = Buffer.from(data ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString('base64')].join(':'), key)).toThrow(SecretDecryptError);
  });
});
