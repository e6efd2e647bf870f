import crypto from 'node:crypto';

/** Bit positions of WB token categories in the `s` claim. */
export const CATEGORY_BITS = {
  content: 1,
  analytics: 2,
  prices: 3,
  marketplace: 4,
  statistics: 5,
  promotion: 6,
  feedbacks: 7,
  chat: 9,
  supplies: 10,
  returns: 11,
  documents: 12,
  finance: 13,
  users: 16,
} as const;
export const READ_ONLY_BIT = 30;

export type Category = keyof typeof CATEGORY_BITS;
export const ALL_CATEGORIES = Object.keys(CATEGORY_BITS) as Category[];

/** `acc` claim values. */
export const TOKEN_TYPES = { base: 1, test: 2, personal: 3, service: 4 } as const;
export type TokenType = keyof typeof TOKEN_TYPES;

export type TokenClaims = {
  id: string;
  sid: string;
  s: number;
  acc: number;
  t: boolean;
  exp: number;
  ent: number;
  iid: number;
  oid: number;
  uid: number;
  for: string;
};

export type MintOptions = {
  sid: string;
  type?: TokenType;
  categories?: readonly Category[];
  readOnly?: boolean;
  /** Expiry as Unix seconds; default: 180 days after `now`. */
  exp?: number;
};

export function scopeBits(categories: readonly Category[], readOnly: boolean): number {
  let s = readOnly ? 1 << READ_ONLY_BIT : 0;
  for (const c of categories) s |= 1 << CATEGORY_BITS[c];
  return s;
}

export function hasCategory(s: number, category: Category): boolean {
  return (s & (1 << CATEGORY_BITS[category])) !== 0;
}

export function isReadOnly(s: number): boolean {
  return (s & (1 << READ_ONLY_BIT)) !== 0;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** The signing key as it is kept on disk: a PKCS#8 PEM and the key id tokens name. */
export type AuthorityKey = { privateKeyPem: string; kid: string };

/**
 * Mints and checks ES256 JWTs shaped like WB's API tokens, signed with a per-process key, or
 * with a saved one (`key`), so tokens issued before a restart still verify after it.
 */
export class TokenAuthority {
  readonly #keys: { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject };
  readonly #kid: string;

  constructor(key?: AuthorityKey) {
    if (key) {
      const privateKey = crypto.createPrivateKey(key.privateKeyPem);
      this.#keys = { privateKey, publicKey: crypto.createPublicKey(privateKey) };
      this.#kid = key.kid;
    } else {
      this.#keys = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      this.#kid = crypto.randomBytes(4).toString('hex');
    }
  }

  exportKey(): AuthorityKey {
    return { privateKeyPem: this.#keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), kid: this.#kid };
  }

  mint(claims: TokenClaims): string {
    const header = b64url(JSON.stringify({ alg: 'ES256', kid: this.#kid, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = crypto.sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: this.#keys.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${header}.${payload}.${b64url(signature)}`;
  }

  /** Returns the claims, or why the token is malformed (WB-style wording). */
  verify(token: string): { claims: TokenClaims } | { malformed: string } {
    const parts = token.split('.');
    if (parts.length !== 3) return { malformed: 'token contains an invalid number of segments' };
    const [header, payload, signature] = parts as [string, string, string];
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64) return { malformed: 'could not base64 decode signature' };
    const valid = crypto.verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: this.#keys.publicKey, dsaEncoding: 'ieee-p1363' },
      sig,
    );
    if (!valid) return { malformed: 'token signature is invalid: crypto/ecdsa: verification error' };
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.id !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') {
        return { malformed: 'token has invalid claims' };
      }
      return { claims };
    } catch {
      return { malformed: 'could not JSON decode claim' };
    }
  }
}

/** Reads `Authorization: <token>` or `Authorization: Bearer <token>`. */
export function tokenFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const trimmed = header.trim();
  return trimmed.toLowerCase().startsWith('bearer ') ? trimmed.slice(7).trim() : trimmed;
}
