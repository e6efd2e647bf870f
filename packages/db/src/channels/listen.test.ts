import { describe, expect, it } from 'vitest';
import { listenSql, parseNotification } from './listen.ts';

describe('parseNotification', () => {
  it('types a payload that matches its channel', () => {
    const parsed = parseNotification({
      channel: 'wb_notifications',
      payload: JSON.stringify({ id: '1', userId: 'u', cabinetId: 'c', type: 'new_order' }),
    });
    expect(parsed).toEqual({
      ok: true,
      message: { channel: 'notification', payload: { id: '1', userId: 'u', cabinetId: 'c', type: 'new_order' } },
    });
  });

  it('drops a payload that is not JSON or not the channel’s shape, saying why', () => {
    expect(parseNotification({ channel: 'wb_settings_changed', payload: 'not json {' })).toEqual({
      ok: false,
      channel: 'settingsChanged',
      problem: 'not JSON',
    });
    const wrong = parseNotification({ channel: 'wb_cabinet_events', payload: '{"cabinetId":"c","event":"gone"}' });
    expect(wrong).toMatchObject({ ok: false, channel: 'cabinetEvent', problem: expect.stringContaining('event') });
  });

  it('ignores channels it was not asked for and channels it does not know', () => {
    const progress = { channel: 'wb_sync_progress', payload: '{"cabinetId":"c","stage":"orders","percent":5}' };
    expect(parseNotification(progress, ['cabinetEvent'])).toBeNull();
    expect(parseNotification(progress, ['syncProgress'])).toMatchObject({ ok: true });
    expect(parseNotification({ channel: 'somebody_else', payload: '{}' })).toBeNull();
  });
});

describe('listenSql', () => {
  it('listens on every channel asked for in one statement', () => {
    expect(listenSql(['notification', 'syncProgress'])).toBe('LISTEN wb_notifications; LISTEN wb_sync_progress');
  });
});
