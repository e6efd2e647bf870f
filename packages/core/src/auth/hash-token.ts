import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for a link, a session or an API token: 32 random bytes, base64url. */
export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Only this is stored: a leaked table gives nobody a working token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
