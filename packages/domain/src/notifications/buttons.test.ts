import { describe, expect, it } from 'vitest';
import { muteCallbackData, parseMuteCallbackData, wbProductUrl } from './buttons.ts';
import { NOTIFICATION_TYPES } from './registry/index.ts';
import { CALLBACK_DATA_LIMIT } from './telegram-limits.ts';

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
});
