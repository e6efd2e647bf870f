import { describe, expect, it } from 'vitest';
import { formatMsk, formatMskOffset, mskDayStart, parseMsk } from './msk-time.ts';

const utc = (iso: string) => Date.parse(iso);

describe('Moscow time', () => {
  it('writes Moscow wall time without offset, fractions only when present, trailing zeros cut', () => {
    expect(formatMsk(utc('2022-05-07T21:44:15.500Z'))).toBe('2022-05-08T00:44:15.5');
    expect(formatMsk(utc('2022-05-07T21:44:15.120Z'))).toBe('2022-05-08T00:44:15.12');
    expect(formatMsk(utc('2022-05-07T21:44:15.003Z'))).toBe('2022-05-08T00:44:15.003');
    expect(formatMsk(utc('2022-05-07T21:44:15.000Z'))).toBe('2022-05-08T00:44:15');
    expect(formatMskOffset(utc('2024-09-26T07:20:48.900Z'))).toBe('2024-09-26T10:20:48+03:00');
  });

  it('reads dateFrom as a date or a datetime in Moscow time, round-tripping lastChangeDate', () => {
    expect(parseMsk('2019-06-20')).toBe(utc('2019-06-19T21:00:00Z'));
    expect(parseMsk('2019-06-20T23:59:59')).toBe(utc('2019-06-20T20:59:59Z'));
    expect(parseMsk('2019-06-20T00:00:00.12345')).toBe(utc('2019-06-19T21:00:00.123Z'));
    expect(parseMsk('2019-06-20T00:00:00Z')).toBe(utc('2019-06-20T00:00:00Z'));
    const ms = utc('2026-11-27T10:11:12.34Z');
    expect(parseMsk(formatMsk(ms))).toBe(ms);
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '2026-11-27T25:00:00', '27.11.2026'])
      expect(parseMsk(bad)).toBeNull();
  });

  it('finds the start of the Moscow day', () => {
    expect(mskDayStart(utc('2026-11-26T22:30:00Z'))).toBe(utc('2026-11-26T21:00:00Z'));
    expect(mskDayStart(utc('2026-11-26T20:30:00Z'))).toBe(utc('2026-11-25T21:00:00Z'));
  });
});
