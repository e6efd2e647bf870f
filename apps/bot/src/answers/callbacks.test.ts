import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT } from '@wb-assist/domain';
import { draftCallbackData, parseDraftCallbackData } from './callbacks.ts';

const draftId = '3f1c2b9e-8a47-4d2e-9c1a-7b6e5d4c3b2a';
const templateId = 'ffffffff-0000-4000-8000-000000000001';

describe('answer draft callbacks', () => {
  it('reads back every action, within 64 bytes', () => {
    for (const action of ['send', 'edit', 'cancel'] as const) {
      const data = draftCallbackData({ action, draftId });
      expect(parseDraftCallbackData(data)).toEqual({ action, draftId });
    }
    const template = draftCallbackData({ action: 'template', draftId, templateId });
    expect(template.length).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(parseDraftCallbackData(template)).toEqual({ action: 'template', draftId, templateId });
  });

  it('ignores anything else', () => {
    expect(parseDraftCallbackData('ans:r:123')).toBeNull();
    expect(parseDraftCallbackData('ad:x:Pxwrnopx4A-AnGvZa9Ta8w')).toBeNull();
    expect(parseDraftCallbackData('ad:s:short')).toBeNull();
    expect(parseDraftCallbackData('ad:s:Pxwrnopx4A-AnGvZa9Ta8w:extra')).toBeNull();
    expect(parseDraftCallbackData('at:Pxwrnopx4A-AnGvZa9Ta8w')).toBeNull();
  });
});
