import { describe, expect, it } from 'vitest';
import { formatMoscowDateTime, parseMoscowDateTime, parseOffsetDateTime } from './time.ts';

describe('WB times', () => {
  it('reads statistics times as Moscow time, whatever the fractional seconds', () => {
    expect(parseMoscowDateTime('2022-05-08T00:44:15.5')?.toISOString()).toBe('2022-05-07T21:44:15.500Z');
    expect(parseMoscowDateTime('2026-11-27T14:05:00')?.toISOString()).toBe('2026-11-27T11:05:00.000Z');
    expect(parseMoscowDateTime('2026-11-27T14:05:00.123')?.toISOString()).toBe('2026-11-27T11:05:00.123Z');
    expect(parseMoscowDateTime('2026-11-27')?.toISOString()).toBe('2026-11-26T21:00:00.000Z');
  });

  it('reads dates from before Moscow’s last clock change by the time-zone rules (summer time then)', () => {
    expect(parseMoscowDateTime('2010-07-01T12:00:00')?.toISOString()).toBe('2010-07-01T08:00:00.000Z');
    expect(parseMoscowDateTime('2026-02-28T23:59:59.999999')?.toISOString()).toBe('2026-02-28T20:59:59.999Z');
  });

  it('turns WB’s zero date into null and refuses what is not a date', () => {
    expect(parseMoscowDateTime('2026-02-31T10:00:00')).toBeUndefined();
    expect(parseMoscowDateTime('0001-01-01T00:00:00')).toBeNull();
    expect(parseMoscowDateTime('вчера')).toBeUndefined();
  });

  it('writes dateFrom in Moscow time without an offset', () => {
    expect(formatMoscowDateTime(new Date('2026-11-27T11:05:09.900Z'))).toBe('2026-11-27T14:05:09');
  });

  it('keeps the offset content and feedback times carry', () => {
    expect(parseOffsetDateTime('2026-11-27T14:05:00+03:00')?.toISOString()).toBe('2026-11-27T11:05:00.000Z');
    expect(parseOffsetDateTime('2026-11-27T11:05:00Z')?.toISOString()).toBe('2026-11-27T11:05:00.000Z');
  });
});
