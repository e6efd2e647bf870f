import { getMembership } from '@wb-assist/core';
import type { PrismaClient } from '@wb-assist/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CabinetRole = 'owner' | 'member';

export interface CabinetAccess {
  roleIn(cabinetId: string): Promise<CabinetRole | null>;
  isMember(cabinetId: string): Promise<boolean>;
}

/**
 * Memberships seen in the last few seconds, across requests: an integrator paging at 10
 * requests a second would otherwise pay a membership query per page. Joining or leaving in
 * this process forgets the entry at once (forgetMembership); another process sees it within
 * SHARED_MS.
 */
const SHARED_MS = 5_000;
const SHARED_LIMIT = 50_000;
const shared = new Map<string, { role: CabinetRole | null; until: number }>();

export function forgetMembership(userId: string, cabinetId: string): void {
  shared.delete(`${userId}:${cabinetId}`);
}

/**
 * The caller's membership per cabinet, asked once per request: every cabinet-scoped field
 * checks it, so a page of orders must not cost one query per row.
 */
export function cabinetAccess(prisma: PrismaClient, userId: string | null): CabinetAccess {
  const cache = new Map<string, Promise<CabinetRole | null>>();
  const roleIn = (cabinetId: string): Promise<CabinetRole | null> => {
    // A malformed id is nobody's cabinet; PostgreSQL would reject it as a uuid anyway.
    if (!userId || !UUID.test(cabinetId)) return Promise.resolve(null);
    const cached = cache.get(cabinetId);
    if (cached) return cached;
    const key = `${userId}:${cabinetId}`;
    const known = shared.get(key);
    if (known && known.until > Date.now()) return Promise.resolve(known.role);
    const role = getMembership(prisma, { userId, cabinetId }).then((membership: { role: CabinetRole } | null) => {
      if (shared.size >= SHARED_LIMIT) shared.clear();
      shared.set(key, { role: membership?.role ?? null, until: Date.now() + SHARED_MS });
      return membership?.role ?? null;
    });
    cache.set(cabinetId, role);
    return role;
  };
  return { roleIn, isMember: async (cabinetId) => (await roleIn(cabinetId)) !== null };
}

export const isUuid = (value: string): boolean => UUID.test(value);
