import type { PrismaClient } from '@wb-assist/db';
import { isUuid } from '../auth/uuid.ts';
import { getMembership } from '../cabinets/membership.ts';
import { NotCabinetMemberError } from '../settings/notification-settings.ts';

/** Deletes one of the cabinet's templates; false when the cabinet has no such template. */
export async function deleteAnswerTemplate(options: {
  db: PrismaClient;
  userId: string;
  cabinetId: string;
  id: string;
}): Promise<boolean> {
  const { db, userId, cabinetId, id } = options;
  if (!(await getMembership(db, { userId, cabinetId }))) throw new NotCabinetMemberError(userId, cabinetId);
  if (!isUuid(id)) return false;
  const deleted = await db.answerTemplate.deleteMany({ where: { id, cabinetId } });
  return deleted.count === 1;
}
