import { describe, expect, it } from 'vitest';
import { answerLine } from './screens.ts';

describe('answerLine', () => {
  const answer = { text: 'Спасибо! Заменим <товар> & вернём доставку.', authorName: 'Анна' };

  it('says who answered and quotes the answer, escaped', () => {
    expect(answerLine(answer, 200)).toBe(
      '\n\n✅ <b>Ответ отправлен</b> — Анна: «Спасибо! Заменим &lt;товар&gt; &amp; вернём доставку.»',
    );
    expect(answerLine({ text: 'Да', authorName: null }, 200)).toBe('\n\n✅ <b>Ответ дан на WB</b>: «Да»');
  });

  it('cuts the quote to the room left, counting escapes, and drops it when even a little will not fit', () => {
    const long = { text: '&'.repeat(500), authorName: 'Анна' };
    const line = answerLine(long, 120)!;
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line).toMatch(/«(&amp;)+…»$/);
    expect(answerLine(long, 40)).toBe('\n\n✅ <b>Ответ отправлен</b> — Анна');
    expect(answerLine(long, 10)).toBeNull();
  });
});
