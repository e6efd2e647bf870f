import { describe, expect, it } from 'vitest';
import { progressBar, renderProgress, renderProgressDone } from './progress.ts';

describe('initial sync progress', () => {
  it('draws a ten-cell bar with the percentage', () => {
    expect(progressBar(0)).toBe('▱▱▱▱▱▱▱▱▱▱ 0%');
    expect(progressBar(47)).toBe('▰▰▰▰▱▱▱▱▱▱ 47%');
    expect(progressBar(100)).toBe('▰▰▰▰▰▰▰▰▰▰ 100%');
    expect(progressBar(140)).toBe('▰▰▰▰▰▰▰▰▰▰ 100%');
  });

  it('shows finished stages with counts, the running one, and the rest waiting', () => {
    const text = renderProgress(
      { stage: 'stocks', percent: 55, done: ['orders', 'sales'], counts: { orders: 1234, sales: 87, stocks: 12 } },
      30,
    );
    expect(text).toContain('за 30 дн.');
    expect(text).toContain('▰▰▰▰▰▱▱▱▱▱ 55%');
    expect(text).toContain('✅ Заказы: 1\u00a0234');
    expect(text).toContain('✅ Выкупы и возвраты: 87');
    expect(text).toContain('⏳ Остатки: 12');
    expect(text).toContain('▫️ Отзывы');
    expect(text).toContain('▫️ Товары');
  });

  it('starts at zero before the worker reports anything', () => {
    expect(renderProgress(null, 7)).toContain('▱▱▱▱▱▱▱▱▱▱ 0%');
  });

  it('sums up what was loaded when done', () => {
    const text = renderProgressDone({ stage: 'done', percent: 100, done: [], counts: { orders: 5, reviews: 2 } });
    expect(text).toContain('100%');
    expect(text).toContain('✅ Заказы: 5');
    expect(text).toContain('✅ Отзывы: 2');
  });
});
