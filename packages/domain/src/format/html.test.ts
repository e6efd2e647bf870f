import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the three characters Telegram HTML requires, ampersand first', () => {
    expect(escapeHtml('<b>Tom & Jerry</b> &lt;')).toBe('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &amp;lt;');
  });

  it('leaves quotes and everything else alone', () => {
    expect(escapeHtml('Футболка "Классика" 100% хлопок')).toBe('Футболка "Классика" 100% хлопок');
  });
});
