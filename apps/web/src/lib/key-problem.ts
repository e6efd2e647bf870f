/** A key warned about this long before it expires (the bot's health warnings start there too). */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type KeyProblem =
  | { kind: 'refused' }
  | { kind: 'paused' }
  | { kind: 'expired'; expiresAt: string }
  | { kind: 'expiring'; expiresAt: string; daysLeft: number };

/**
 * What is wrong with a cabinet's WB key, if anything, for the banner on every page of it: WB
 * refused it, the cabinet's sync is paused, or it has expired or expires within 30 days.
 */
export function keyProblem(cabinet: { status: string; expiresAt: string }, now = new Date()): KeyProblem | null {
  if (cabinet.status === 'key_invalid') return { kind: 'refused' };
  if (cabinet.status === 'paused') return { kind: 'paused' };
  const left = Date.parse(cabinet.expiresAt) - now.getTime();
  if (left <= 0) return { kind: 'expired', expiresAt: cabinet.expiresAt };
  if (left <= EXPIRY_WARNING_DAYS * DAY_MS) {
    return { kind: 'expiring', expiresAt: cabinet.expiresAt, daysLeft: Math.ceil(left / DAY_MS) };
  }
  return null;
}
