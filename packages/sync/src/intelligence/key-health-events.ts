import { BASE_KEY_DELAY, notificationCoverage } from '@wb-assist/core';
import { parsePayload } from '@wb-assist/domain';
import type { WbTokenType } from '@wb-assist/wb-api';
import type { DetectedEvent } from '../events/detect.ts';

/** Days before expiry at which the seller is warned, most urgent last. */
export const EXPIRY_WARNING_DAYS = [30, 7, 1] as const;

const DAY_MS = 86_400_000;

/** The key a cabinet holds, as far as its health goes. */
export interface CabinetKey {
  cabinetName: string;
  /** SHA-256 of the key: a new key is warned about afresh. */
  fingerprint: string;
  expiresAt: Date;
  scopes: number;
  tokenType: WbTokenType;
}

/**
 * What the key cannot do: a missing category and the notifications it disables. Whether a
 * Base key delays orders is said once at connect, not in every warning.
 */
function keyWarnings(key: CabinetKey): { text: string }[] {
  return notificationCoverage(key.scopes, key.tokenType)
    .warnings.filter((warning) => warning !== BASE_KEY_DELAY)
    .map((text) => ({ text }));
}

/**
 * The warning due now, if any: the most urgent of 30, 7 and 1 days the remaining time has
 * reached. Each is its own event per key, so each arrives once; a clock that jumps from 40
 * days to 5 sends the 7-day warning alone, not a stale 30-day one as well.
 */
export function keyExpiryEvents(key: CabinetKey, now: Date): DetectedEvent[] {
  const daysLeft = Math.ceil((key.expiresAt.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft <= 0) return [];
  const stage = [...EXPIRY_WARNING_DAYS].reverse().find((days) => daysLeft <= days);
  if (stage === undefined) return [];
  return [
    {
      type: 'key_health',
      identity: `expiring:${stage}:${key.fingerprint}`,
      occurredAt: now,
      payload: parsePayload('key_health', {
        v: 1,
        kind: 'expiring',
        cabinetName: key.cabinetName,
        expiresAt: key.expiresAt.toISOString(),
        daysLeft,
        reason: null,
        warnings: keyWarnings(key),
      }),
    },
  ];
}

/** WB refused the key: once per key, whichever sync hears it first. */
export function keyRefusedEvent(key: CabinetKey, reason: string, now: Date): DetectedEvent {
  return {
    type: 'key_health',
    identity: `refused:${key.fingerprint}`,
    occurredAt: now,
    payload: parsePayload('key_health', {
      v: 1,
      kind: 'refused',
      cabinetName: key.cabinetName,
      expiresAt: key.expiresAt.toISOString(),
      daysLeft: Math.max(0, Math.ceil((key.expiresAt.getTime() - now.getTime()) / DAY_MS)),
      reason,
      warnings: keyWarnings(key),
    }),
  };
}
