import { describe, expect, it } from 'vitest';
import { formatDateTime, zoneLabel } from './date.ts';

const instant = new Date('2026-11-27T11:05:00Z');

describe('formatDateTime', () => {
  it('shows Moscow time labelled МСК by default', () => {
    expect(formatDateTime(instant)).toBe('27.11 14:05 МСК');
    expect(formatDateTime(instant, 'Europe/Moscow')).toBe('27.11 14:05 МСК');
  });

  it("shows the user's zone with its UTC offset, including the date change", () => {
    expect(formatDateTime(instant, 'Asia/Yekaterinburg')).toBe('27.11 16:05 UTC+5');
    expect(formatDateTime(instant, 'Asia/Kolkata')).toBe('27.11 16:35 UTC+5:30');
    expect(formatDateTime(instant, 'America/Sao_Paulo')).toBe('27.11 08:05 UTC−3');
    expect(formatDateTime(new Date('2026-11-27T22:30:00Z'), 'Asia/Vladivostok')).toBe('28.11 08:30 UTC+10');
    expect(formatDateTime(instant, 'UTC')).toBe('27.11 11:05 UTC');
    expect(formatDateTime(instant, 'Europe/London')).toBe('27.11 11:05 UTC');
  });

  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime(new Date('2026-01-04T21:00:00Z'))).toBe('05.01 00:00 МСК');
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(zoneLabel(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('UTC+2');
    expect(zoneLabel(new Date('2026-12-01T12:00:00Z'), 'Europe/Berlin')).toBe('UTC+1');
  });

  it('refuses an unknown zone rather than guessing', () => {
    expect(() => formatDateTime(instant, 'Mars/Olympus')).toThrow(RangeError);
  });
});
