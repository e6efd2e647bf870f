import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * WB keys at rest: AES-256-GCM with a fresh 96-bit IV per value, stored as
 * "v1:<iv>:<tag>:<ciphertext>" (base64). The version prefix leaves room to rotate the scheme.
 */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export class SecretDecryptError extends Error {
  constructor() {
    super(
      'Stored key cannot be decrypted: ENCRYPTION_KEY differs from the one it was encrypted with, or the value is damaged.',
    );
    this.name = 'SecretDecryptError';
  }
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new SecretDecryptError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptError();
  }
}

/** Recognises a key already stored without decrypting every row. */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
