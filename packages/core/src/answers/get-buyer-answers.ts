import type { PrismaClient } from '@wb-assist/db';
import { isUuid } from '../auth/uuid.ts';
import { AUTHOR_SELECT, toAnswerView, type BuyerAnswerView, type BuyerTextKind } from './answer-view.ts';

/**
 * The answer each target shows, keyed by target id: the latest one WB holds (the edit over the
 * first answer), else the latest attempt, so a list can say «отправляется» or «не отправлен».
 * Targets without any answer are absent. The caller has checked the cabinet access.
 */
export async function getBuyerAnswers(options: {
  db: PrismaClient;
  cabinetId: string;
  kind: BuyerTextKind;
  targetIds: readonly string[];
}): Promise<Map<string, BuyerAnswerView>> {
  const { db, cabinetId, kind, targetIds } = options;
  const views = new Map<string, BuyerAnswerView>();
  if (!isUuid(cabinetId) || targetIds.length === 0) return views;
  const rows = await db.buyerAnswer.findMany({
    where: { cabinetId, kind, targetId: { in: [...new Set(targetIds)] } },
    include: { author: { select: AUTHOR_SELECT } },
    orderBy: { revision: 'asc' },
  });
  for (const row of rows) {
    const current = views.get(row.targetId);
    if (!current || row.status === 'sent' || current.status !== 'sent') views.set(row.targetId, toAnswerView(row));
  }
  return views;
}
