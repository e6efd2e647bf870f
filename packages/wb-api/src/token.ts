import { jwtDecode } from 'jwt-decode';
import { z } from 'zod';

/** Bits of the `s` claim (bit N set ⇔ s & (1 << N)). */
export const WB_CATEGORY_BITS = {
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
export const WB_READ_ONLY_BIT = 30;

export type WbCategory = keyof typeof WB_CATEGORY_BITS;
export type WbTokenType = 'base' | 'test' | 'personal' | 'service';

const TOKEN_TYPES: Record<number, WbTokenType> = { 1: 'base', 2: 'test', 3: 'personal', 4: 'service' };

export interface WbToken {
  id: string;
  sellerId: string;
  type: WbTokenType;
  scopes: number;
  readOnly: boolean;
  expiresAt: Date;
  categories: WbCategory[];
}

const claimsSchema = z.object({
  id: z.string().min(1),
  sid: z.string().min(1),
  s: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
  acc: z.number().int().optional(),
  t: z.boolean().optional(),
});

export class WbTokenFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WbTokenFormatError';
  }
}

export function hasCategory(scopes: number, category: WbCategory): boolean {
  return ((scopes >>> WB_CATEGORY_BITS[category]) & 1) === 1;
}

/**
 * Reads a WB key locally (no network): is it a WB token at all, whose seller, which type,
 * which categories, until when. The signature cannot be checked here (WB's key is not
 * public); the one real call on connect does that.
 */
export function decodeWbToken(raw: string): WbToken {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  let payload: unknown;
  try {
    payload = jwtDecode(token);
  } catch {
    throw new WbTokenFormatError('not a JWT');
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new WbTokenFormatError('not a WB API token (claims id, sid, s, exp missing)');
  const { id, sid, s, exp, acc, t } = claims.data;
  const type = t === true ? 'test' : (TOKEN_TYPES[acc ?? 3] ?? 'personal');
  return {
    id,
    sellerId: sid,
    type,
    scopes: s,
    readOnly: ((s >>> WB_READ_ONLY_BIT) & 1) === 1,
    expiresAt: new Date(exp * 1000),
    categories: (Object.keys(WB_CATEGORY_BITS) as WbCategory[]).filter((category) => hasCategory(s, category)),
  };
}
