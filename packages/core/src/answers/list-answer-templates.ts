import type { PrismaClient } from '@wb-assist/db';
import { getMembership } from '../cabinets/membership.ts';
import { NotCabinetMemberError } from '../settings/notification-settings.ts';
import { toTemplateView, type AnswerTemplateView } from './answer-template-view.ts';

/** The cabinet's reply templates, oldest first (the order members made them in). Members only. */
export async function listAnswerTemplates(options: {
  db: PrismaClient;
  userId: string;
  cabinetId: string;
}): Promise<AnswerTemplateView[]> {
  const { db, userId, cabinetId } = options;
  if (!(await getMembership(db, { userId, cabinetId }))) throw new NotCabinetMemberError(userId, cabinetId);
  const rows = await db.answerTemplate.findMany({
    where: { cabinetId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toTemplateView);
}
