import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header of the worker → bot webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'x-wb-assist-signature';

/** A signature older (or newer) than this is refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What a signature header says, whatever order or spelling it was written in. */
export interface Signature {
  /** Unix seconds. */
  timestamp: number;
  /** Lower-case hex HMAC-SHA256 of `${timestamp}.${body}`. */
  digest: string;
}

export function sign(secret: string, body: string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/**
 * The header's two parts, or null. A part given twice, an unknown part or anything beyond the
 * expected digits is refused rather than picked from: with several readings of one header, the
 * reading that is checked and the one that is remembered could differ.
 */
function parseHeader(header: string): Signature | null {
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const [name, ...value] = part.trim().split('=');
    if (!name || parts.has(name) || value.length !== 1) return null;
    parts.set(name, value[0]!);
  }
  const t = parts.get('t');
  const v1 = parts.get('v1');
  if (parts.size !== 2 || !t || !v1 || !/^\d{1,15}$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return null;
  return { timestamp: Number(t), digest: v1 };
}

export type VerifyResult =
  { ok: true; signature: Signature } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a signed request: the HMAC over the exact body, and a timestamp within the tolerance.
 * On success it gives the parsed signature, which is what a replay guard must remember.
 */
export function verify(secret: string, body: string, header: string | undefined, now = Date.now()): VerifyResult {
  if (!header) return { ok: false, reason: 'missing' };
  const signature = parseHeader(header);
  if (!signature) return { ok: false, reason: 'malformed' };
  if (Math.abs(now / 1000 - signature.timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', secret).update(`${signature.timestamp}.${body}`).digest();
  const given = Buffer.from(signature.digest, 'hex');
  return timingSafeEqual(given, expected) ? { ok: true, signature } : { ok: false, reason: 'mismatch' };
}
