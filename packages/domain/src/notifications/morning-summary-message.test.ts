import { describe, expect, it } from 'vitest';
import { renderNotification } from './render-notification.ts';
import { MESSAGE_LIMIT } from './telegram-limits.ts';
import { MORNING_SUMMARY, visible } from './testing/fixtures.ts';

// The morning summary's text, kept in the snapshot beside this file so a reviewer reads
// exactly what a seller gets on their phone.

const CABINET = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';

describe('morning summary message', () => {
  it('yesterday against the same weekday, rate, top, stocks, reviews and «Подробнее»', () => {
    const message = renderNotification(MORNING_SUMMARY, { cabinetId: CABINET });
    expect(visible(message.text)).toMatchSnapshot();
    expect(message.photoUrl).toBeNull();
    expect(message.buttons[0]).toEqual([{ text: 'Подробнее', url: MORNING_SUMMARY.detailsUrl }]);
    expect(message.buttons[1]?.[0]?.callbackData).toBe(`mute:morning_summary:${CABINET}`);
  });

  it('a quiet day: nothing short, no reviews waiting, nothing a week before', () => {
    const quiet = renderNotification({
      ...MORNING_SUMMARY,
      figures: MORNING_SUMMARY.figures.map((figure) => ({
        ...figure,
        count: 0,
        amount: 0,
        weekAgoCount: 0,
        weekAgoAmount: 0,
      })),
      buyoutRate: null,
      topProducts: [],
      critical: [],
      criticalTotal: 0,
      runningOut: [],
      runningOutTotal: 0,
      unansweredNegative: 0,
    });
    expect(visible(quiet.text)).toMatchSnapshot();
  });

  it('long lists are cut with a count and the message stays within Telegram’s limit', () => {
    const size = { ...MORNING_SUMMARY.runningOut[0]!, name: 'Ж'.repeat(3000) };
    const text = renderNotification({
      ...MORNING_SUMMARY,
      cabinetName: 'Ж'.repeat(5000),
      runningOut: Array.from({ length: 10 }, () => size),
      runningOutTotal: 40,
    }).text;
    expect(text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(visible(text)).toMatch(/…и ещё \d+_размер/);
  });
});
