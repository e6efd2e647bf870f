import type { WbTokenType } from '@wb-assist/db';
import { createWbClient, type RateLimiter, type WbClient, type WbClientOptions, type WbHosts } from '@wb-assist/wb-api';
import { decryptSecret } from '../crypto/secret-box.ts';

/**
 * How an app reaches WB on a cabinet's behalf: its `wb` settings (wbAccessFromEnv: hosts, the
 * PostgreSQL rate limiter every process shares, pace and timeout) plus the key that decrypts
 * the cabinet's stored WB key. Apps pass `{ ...ctx.wb, encryptionKey: ctx.encryptionKey }`.
 */
export interface CabinetWbAccess {
  hosts: WbHosts;
  limiter: RateLimiter;
  timeoutMs?: number;
  rateLimitScale?: number;
  encryptionKey: Buffer;
}

export interface CabinetKey {
  sellerId: string;
  tokenEncrypted: string;
  tokenType: WbTokenType;
}

/**
 * A WB client speaking with the cabinet's own key, spending the seller's shared buckets (the
 * same per-seller, per-token-type, per-method-group state the worker's syncs spend).
 */
export function cabinetWbClient(
  cabinet: CabinetKey,
  wb: CabinetWbAccess,
  tuning: Omit<Partial<WbClientOptions>, 'token' | 'sellerId' | 'tokenType' | 'hosts' | 'limiter'> = {},
): WbClient {
  return createWbClient({
    token: decryptSecret(cabinet.tokenEncrypted, wb.encryptionKey),
    sellerId: cabinet.sellerId,
    tokenType: cabinet.tokenType,
    hosts: wb.hosts,
    limiter: wb.limiter,
    timeoutMs: wb.timeoutMs,
    rateLimitScale: wb.rateLimitScale,
    ...tuning,
  });
}
