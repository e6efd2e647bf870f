import { describe, expect, it } from 'vitest';
import { WB_CATEGORY_BITS, WB_READ_ONLY_BIT } from '@wb-assist/wb-api';
import { answerWriteAccess } from './answer-write-access.ts';

const bit = (n: number) => 2 ** n;
const FEEDBACKS = bit(WB_CATEGORY_BITS.feedbacks);
const STATISTICS = bit(WB_CATEGORY_BITS.statistics);
const READ_ONLY = bit(WB_READ_ONLY_BIT);

describe('answerWriteAccess', () => {
  it('lets a writable key with «Вопросы и отзывы» answer, from a token or a cabinet row', () => {
    expect(answerWriteAccess({ scopes: STATISTICS + FEEDBACKS })).toEqual({ ok: true });
    expect(answerWriteAccess({ tokenScopes: FEEDBACKS })).toEqual({ ok: true });
  });

  it('says what to change for a read-only key and for a key without the category', () => {
    expect(answerWriteAccess({ scopes: STATISTICS + FEEDBACKS + READ_ONLY })).toEqual({
      ok: false,
      code: 'read_only_key',
      message: expect.stringMatching(/только для чтения.*без отметки «Только на чтение»/),
    });
    expect(answerWriteAccess({ tokenScopes: STATISTICS })).toEqual({
      ok: false,
      code: 'scope_missing',
      message: expect.stringContaining('нет категории «Вопросы и отзывы»'),
    });
  });
});
