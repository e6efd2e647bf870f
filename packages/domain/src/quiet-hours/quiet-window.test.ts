import { describe, expect, it } from 'vitest';
import { formatClockTime, parseClockTime, quietWindowAt, type QuietHours } from './quiet-window.ts';

const night: QuietHours = { mode: 'digest', start: 23 * 60, end: 8 * 60, timeZone: 'Europe/Moscow' };

describe('quietWindowAt', () => {
  it('finds a window that crosses midnight and its end in the user’s zone', () => {
    // 23:30 in Moscow (UTC+3) is 20:30 UTC; the window ends at 08:00 Moscow, 05:00 UTC.
    expect(quietWindowAt(night, new Date('2026-12-07T20:30:00Z'))).toEqual({
      inside: true,
      endsAt: new Date('2026-12-08T05:00:00Z'),
    });
    expect(quietWindowAt(night, new Date('2026-12-08T04:59:59Z'))).toMatchObject({ inside: true });
    expect(quietWindowAt(night, new Date('2026-12-08T05:00:00Z'))).toEqual({ inside: false });
    expect(quietWindowAt(night, new Date('2026-12-07T19:59:00Z'))).toEqual({ inside: false });
  });

  it('keeps the local end across a DST change inside the window', () => {
    // Berlin leaves summer time on 2026-10-25 at 03:00 CEST: 08:00 that morning is 07:00 UTC.
    const berlin: QuietHours = { ...night, timeZone: 'Europe/Berlin' };
    expect(quietWindowAt(berlin, new Date('2026-10-24T22:00:00Z'))).toEqual({
      inside: true,
      endsAt: new Date('2026-10-25T07:00:00Z'),
    });
  });

  it('has no window when off or empty, and one within a day', () => {
    expect(quietWindowAt({ ...night, mode: 'off' }, new Date('2026-12-07T20:30:00Z'))).toEqual({ inside: false });
    expect(quietWindowAt({ ...night, end: night.start }, new Date('2026-12-07T20:30:00Z'))).toEqual({ inside: false });
    const lunch: QuietHours = { ...night, start: 13 * 60, end: 14 * 60 };
    expect(quietWindowAt(lunch, new Date('2026-12-07T10:15:00Z'))).toEqual({
      inside: true,
      endsAt: new Date('2026-12-07T11:00:00Z'),
    });
  });
});

describe('clock times', () => {
  it('reads HH:MM and nothing else', () => {
    expect(parseClockTime('23:00')).toBe(1380);
    expect(parseClockTime('8:05')).toBe(485);
    expect(['24:00', '23:60', '2300', '', 'утро'].map(parseClockTime)).toEqual([null, null, null, null, null]);
    expect(formatClockTime(485)).toBe('08:05');
  });
});
