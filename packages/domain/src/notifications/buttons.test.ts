import { describe, expect, it } from 'vitest';
import {
  answerButtons,
  answerCallbackData,
  muteCallbackData,
  parseAnswerCallbackData,
  parseMuteCallbackData,
  wbProductUrl,
} from './buttons.ts';
import { NOTIFICATION_TYPES } from './registry/index.ts';
import { CALLBACK_DATA_LIMIT } from './telegram-limits.ts';
import { NEGATIVE_REVIEW, NEW_ORDER } from './testing/fixtures.ts';

const cabinetId = '3f1c2b9e-8a47-4d2e-9c1a-7b6e5d4c3b2a';

describe('buttons', () => {
  it('links to the product page on WB', () => {
    expect(wbProductUrl(123456789)).toBe('https://www.wildberries.ru/catalog/123456789/detail.aspx');
  });

  it('fits every mute callback, cabinet included, in 64 bytes and reads it back', () => {
    for (const type of NOTIFICATION_TYPES) {
      const data = muteCallbackData(type, cabinetId);
      expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect(parseMuteCallbackData(data)).toEqual({ type, cabinetId });
      expect(parseMuteCallbackData(muteCallbackData(type))).toEqual({ type, cabinetId: null });
    }
    expect(muteCallbackData('negative_review', cabinetId)).toBe(`mute:negative_review:${cabinetId}`);
  });

  it('refuses callback data over the limit', () => {
    expect(() => muteCallbackData('new_order', 'x'.repeat(60))).toThrow(RangeError);
  });

  it('ignores other callbacks', () => {
    expect(parseMuteCallbackData('menu:orders')).toBeNull();
    expect(parseMuteCallbackData('mute:everything')).toBeNull();
    expect(parseMuteCallbackData('mute:new_order:')).toBeNull();
    expect(parseMuteCallbackData('mute:new_order:a:b')).toBeNull();
  });

  it('carries a review or question id in the answer callback and reads it back', () => {
    const review = { kind: 'review', targetId: 'n5um6IUBQOOSTxXoo0gV' } as const;
    expect(answerCallbackData(review)).toBe('ans:r:n5um6IUBQOOSTxXoo0gV');
    expect(parseAnswerCallbackData('ans:r:n5um6IUBQOOSTxXoo0gV')).toEqual(review);
    expect(parseAnswerCallbackData('ans:q:a:b')).toEqual({ kind: 'question', targetId: 'a:b' });
    expect(parseAnswerCallbackData('ans:x:1')).toBeNull();
    expect(parseAnswerCallbackData('ans:r:')).toBeNull();
    expect(parseAnswerCallbackData('mute:new_order')).toBeNull();
  });

  it('offers «Ответить» only where an answer is possible and its id fits 64 bytes', () => {
    expect(answerButtons(NEGATIVE_REVIEW)).toEqual([{ text: 'Ответить', callbackData: 'ans:r:n5um6IUBQOOSTxXoo0gV' }]);
    expect(answerButtons(NEW_ORDER)).toEqual([]);
    expect(answerCallbackData({ kind: 'question', targetId: 'x'.repeat(58) })).toHaveLength(64);
    expect(answerButtons({ ...NEGATIVE_REVIEW, reviewId: 'x'.repeat(59) })).toEqual([]);
  });
});
