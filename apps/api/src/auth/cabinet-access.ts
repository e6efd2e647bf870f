import { getMembership } from '@wb-assist/core';
import type { PrismaClient } from '@wb-assist/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CabinetRole = 'owner' | 'member';

export interface CabinetAccess {
  roleIn(cabinetId: string): Promise<CabinetRole | null>;
  isMember(cabinetId: string): Promise<boolean>;
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
    const role = getMembership(prisma, { userId, cabinetId }).then(
      (membership: { role: CabinetRole } | null) => membership?.role ?? null,
    );
    cache.set(cabinetId, role);
    return role;
  };
  return { roleIn, isMember: async (cabinetId) => (await roleIn(cabinetId)) !== null };
}

export const isUuid = (value: string): boolean => UUID.test(value);
