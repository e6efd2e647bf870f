import { describe, expect, it } from 'vitest';
import { parseReplaceKeyCallbackData } from './buttons.ts';
import { renderGroup } from './group/render-group.ts';
import { renderNotification } from './render-notification.ts';
import { MESSAGE_LIMIT } from './telegram-limits.ts';
import { ANOMALY, KEY_EXPIRING, PRODUCT, STOCK_FORECAST, visible } from './testing/fixtures.ts';

// The texts of the forecast, anomaly and key messages, kept in the snapshot beside this file
// so a reviewer reads exactly what a seller gets.

const CABINET = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';

describe('stock-out forecast, anomaly and key health messages', () => {
  it('forecast: how many days of stock are left, and from which rate', () => {
    const message = renderNotification(STOCK_FORECAST);
    expect(visible(message.text)).toMatchSnapshot();
    expect(visible(message.text)).toContain('закончится примерно через 5_дней');
    expect(message.photoUrl).toBe(PRODUCT.photoUrl);
  });

  it('forecast under a day of cover says so', () => {
    const text = renderNotification({ ...STOCK_FORECAST, available: 1, daysOfCover: 0.5 }).text;
    expect(text).toContain('закончится в ближайшие сутки');
  });

  it('anomaly: the numbers that triggered it, against the usual level', () => {
    const message = renderNotification(ANOMALY);
    expect(visible(message.text)).toMatchSnapshot();
    expect(message.text).toContain('в 6 раз больше обычного');
  });

  it('key expiring: the date, days left, what the key lacks, and «Заменить ключ»', () => {
    const message = renderNotification(KEY_EXPIRING, { cabinetId: CABINET });
    expect(visible(message.text)).toMatchSnapshot();
    expect(message.photoUrl).toBeNull();
    expect(message.buttons[0]?.[0]).toEqual({ text: 'Заменить ключ', callbackData: `key:replace:${CABINET}` });
    expect(parseReplaceKeyCallbackData(message.buttons[0]![0]!.callbackData!)).toEqual({ cabinetId: CABINET });
    expect(message.buttons[1]?.[0]?.callbackData).toBe(`mute:key_health:${CABINET}`);
  });

  it('key on its last day, and refused by WB', () => {
    expect(visible(renderNotification({ ...KEY_EXPIRING, daysLeft: 1, warnings: [] }).text)).toMatchSnapshot();
    const refused = renderNotification({
      ...KEY_EXPIRING,
      kind: 'refused',
      daysLeft: 0,
      reason: 'WB перестал принимать ключ (он отозван или недействителен). Пришлите новый ключ.',
      warnings: [],
    });
    expect(visible(refused.text)).toMatchSnapshot();
  });

  it('stays within Telegram’s limits with absurdly long names', () => {
    const long = 'Ж'.repeat(5000);
    expect(renderNotification({ ...KEY_EXPIRING, cabinetName: long }).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    const product = { ...PRODUCT, name: long, photoUrl: null };
    expect(renderNotification({ ...ANOMALY, product }).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(renderNotification({ ...STOCK_FORECAST, product }).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it('groups many forecasts with the size running out first on top', () => {
    const events = Array.from({ length: 8 }, (_, i) => ({
      ...STOCK_FORECAST,
      product: { ...PRODUCT, size: `${40 + i}` },
      daysOfCover: 8 - i,
    }));
    const [message] = renderGroup(events);
    expect(visible(message!.text)).toMatchSnapshot();
  });
});
