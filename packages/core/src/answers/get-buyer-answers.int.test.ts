import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newCabinet, newUser } from '../cabinets/test-fixtures.ts';
import { getBuyerAnswers } from './get-buyer-answers.ts';

const db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
afterAll(() => db.$disconnect());

describe('getBuyerAnswers', () => {
  it('shows each target’s current answer: the sent edit over the first, else the latest attempt', async () => {
    const anna = await db.user.create({ data: { telegramId: BigInt(Date.now()), firstName: 'Анна', lastName: 'К.' } });
    const boris = await newUser(db);
    const cabinet = await newCabinet(db, { members: [anna.id, boris.id] });
    const other = await newCabinet(db, { members: [boris.id] });
    const at = new Date('2026-12-07T10:00:00Z');
    const row = (targetId: string, revision: number, status: 'sending' | 'sent' | 'failed', text: string) => ({
      cabinetId: cabinet.id,
      kind: 'review' as const,
      targetId,
      revision,
      text,
      status,
      authorUserId: anna.id,
      source: 'web',
      sentAt: status === 'sent' ? at : null,
    });
    await db.buyerAnswer.createMany({
      data: [
        row('edited', 0, 'sent', 'Первый'),
        row('edited', 1, 'sent', 'Правка'),
        row('edit-failed', 0, 'sent', 'Ответ'),
        row('edit-failed', 1, 'failed', 'Неудачная правка'),
        row('pending', 0, 'sending', 'Отправляется'),
        { ...row('question', 0, 'sent', 'Не отзыв'), kind: 'question' },
        { ...row('elsewhere', 0, 'sent', 'Чужой'), cabinetId: other.id },
      ],
    });
    const views = await getBuyerAnswers({
      db,
      cabinetId: cabinet.id,
      kind: 'review',
      targetIds: ['edited', 'edit-failed', 'pending', 'question', 'elsewhere', 'unanswered'],
    });
    expect([...views.keys()].sort()).toEqual(['edit-failed', 'edited', 'pending']);
    expect(views.get('edited')).toEqual({
      kind: 'review',
      targetId: 'edited',
      revision: 1,
      text: 'Правка',
      status: 'sent',
      author: { userId: anna.id, displayName: 'Анна К.' },
      source: 'web',
      sentAt: at,
    });
    expect(views.get('edit-failed')).toMatchObject({ revision: 0, text: 'Ответ', status: 'sent' });
    expect(views.get('pending')).toMatchObject({ status: 'sending', sentAt: null });

    await db.user.delete({ where: { id: anna.id } });
    const afterLeaving = await getBuyerAnswers({ db, cabinetId: cabinet.id, kind: 'review', targetIds: ['edited'] });
    expect(afterLeaving.get('edited')).toMatchObject({ text: 'Правка', author: null });
  });
});
