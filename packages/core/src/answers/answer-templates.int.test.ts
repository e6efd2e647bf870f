import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { newCabinet, newUser } from '../cabinets/test-fixtures.ts';
import { NotCabinetMemberError } from '../settings/notification-settings.ts';
import { deleteAnswerTemplate } from './delete-answer-template.ts';
import { listAnswerTemplates } from './list-answer-templates.ts';
import { saveAnswerTemplate } from './save-answer-template.ts';

const db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
afterAll(() => db.$disconnect());

describe('answer templates', () => {
  it('are made, changed and deleted by any member and shared by all', async () => {
    const [anna, boris] = [await newUser(db), await newUser(db)];
    const cabinet = await newCabinet(db, { members: [anna.id, boris.id] });
    const made = await saveAnswerTemplate({
      db,
      userId: anna.id,
      cabinetId: cabinet.id,
      title: ' Извинение ',
      text: 'Здравствуйте, {имя}! Простите за «{товар}».',
    });
    expect(made).toMatchObject({
      ok: true,
      template: { title: 'Извинение', text: 'Здравствуйте, {имя}! Простите за «{товар}».', createdByUserId: anna.id },
    });
    if (!made.ok) return;
    await saveAnswerTemplate({ db, userId: boris.id, cabinetId: cabinet.id, title: 'Спасибо', text: 'Спасибо!' });
    const changed = await saveAnswerTemplate({
      db,
      userId: boris.id,
      cabinetId: cabinet.id,
      id: made.template.id,
      title: 'Извинение',
      text: 'Простите, {имя}!',
    });
    expect(changed).toMatchObject({ ok: true, template: { id: made.template.id, text: 'Простите, {имя}!' } });
    expect((await listAnswerTemplates({ db, userId: anna.id, cabinetId: cabinet.id })).map((t) => t.title)).toEqual([
      'Извинение',
      'Спасибо',
    ]);
    expect(await deleteAnswerTemplate({ db, userId: anna.id, cabinetId: cabinet.id, id: made.template.id })).toBe(true);
    expect(await deleteAnswerTemplate({ db, userId: anna.id, cabinetId: cabinet.id, id: made.template.id })).toBe(
      false,
    );
    expect((await listAnswerTemplates({ db, userId: boris.id, cabinetId: cabinet.id })).map((t) => t.title)).toEqual([
      'Спасибо',
    ]);
  });

  it('refuses bad input with a reason and changes nothing', async () => {
    const anna = await newUser(db);
    const cabinet = await newCabinet(db, { members: [anna.id] });
    const save = (title: string, text: string, id?: string) =>
      saveAnswerTemplate({ db, userId: anna.id, cabinetId: cabinet.id, title, text, id });
    expect(await save('  ', 'Спасибо!')).toMatchObject({ ok: false, error: 'title_missing' });
    expect(await save('x'.repeat(101), 'Спасибо!')).toMatchObject({ ok: false, error: 'title_too_long' });
    expect(await save('Коротко', '!')).toMatchObject({ ok: false, error: 'too_short', message: expect.any(String) });
    expect(await save('Длинно', 'а'.repeat(5001))).toMatchObject({ ok: false, error: 'too_long' });
    expect(await save('Чужой', 'Спасибо!', 'not-a-uuid')).toMatchObject({ ok: false, error: 'not_found' });
    expect(await listAnswerTemplates({ db, userId: anna.id, cabinetId: cabinet.id })).toEqual([]);
  });

  it('keeps each cabinet’s templates to its members', async () => {
    const [anna, mallory] = [await newUser(db), await newUser(db)];
    const cabinet = await newCabinet(db, { members: [anna.id] });
    const theirs = await newCabinet(db, { members: [mallory.id] });
    const made = await saveAnswerTemplate({ db, userId: anna.id, cabinetId: cabinet.id, title: 'A', text: 'Спасибо!' });
    if (!made.ok) throw new Error('template not saved');
    const id = made.template.id;

    await expect(listAnswerTemplates({ db, userId: mallory.id, cabinetId: cabinet.id })).rejects.toBeInstanceOf(
      NotCabinetMemberError,
    );
    await expect(
      saveAnswerTemplate({ db, userId: mallory.id, cabinetId: cabinet.id, id, title: 'B', text: 'Взлом' }),
    ).rejects.toBeInstanceOf(NotCabinetMemberError);
    await expect(deleteAnswerTemplate({ db, userId: mallory.id, cabinetId: cabinet.id, id })).rejects.toBeInstanceOf(
      NotCabinetMemberError,
    );
    // Through their own cabinet the id matches nothing.
    expect(
      await saveAnswerTemplate({ db, userId: mallory.id, cabinetId: theirs.id, id, title: 'B', text: 'Взлом' }),
    ).toMatchObject({ ok: false, error: 'not_found' });
    expect(await deleteAnswerTemplate({ db, userId: mallory.id, cabinetId: theirs.id, id })).toBe(false);
    expect(await listAnswerTemplates({ db, userId: anna.id, cabinetId: cabinet.id })).toEqual([
      expect.objectContaining({ id, title: 'A', text: 'Спасибо!' }),
    ]);
  });
});
