import { describe, expect, it } from 'vitest';
import { decodeWbToken, WbTokenFormatError } from './token.ts';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${base64url({ alg: 'ES256', typ: 'JWT' })}.${base64url(payload)}.c2lnbmF0dXJl`;

describe('decodeWbToken', () => {
  const claims = {
    id: 'f1c2',
    sid: '7a1e2d3c-0000-4000-8000-000000000001',
    s: (1 << 5) | (1 << 7) | (1 << 30),
    acc: 3,
    exp: 1_800_000_000,
  };

  it('reads seller, type, categories, read-only bit and expiry', () => {
    expect(decodeWbToken(jwt(claims))).toEqual({
      id: 'f1c2',
      sellerId: claims.sid,
      type: 'personal',
      scopes: claims.s,
      readOnly: true,
      expiresAt: new Date(1_800_000_000_000),
      categories: ['statistics', 'feedbacks'],
    });
  });

  it('accepts a Bearer prefix and surrounding spaces', () => {
    expect(decodeWbToken(`  Bearer ${jwt(claims)} `).sellerId).toBe(claims.sid);
  });

  it('tells Base, Test and Service tokens apart', () => {
    expect(decodeWbToken(jwt({ ...claims, acc: 1 })).type).toBe('base');
    expect(decodeWbToken(jwt({ ...claims, acc: 2, t: true })).type).toBe('test');
    expect(decodeWbToken(jwt({ ...claims, acc: 4 })).type).toBe('service');
  });

  it('refuses text that is not a JWT, and a JWT that is not WB’s', () => {
    expect(() => decodeWbToken('мой ключ')).toThrow(WbTokenFormatError);
    expect(() => decodeWbToken(jwt({ sub: 'someone' }))).toThrow('not a WB API token');
  });
});
