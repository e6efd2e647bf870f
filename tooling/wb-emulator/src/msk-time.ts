// Statistics speaks Moscow wall time without an offset. Moscow has been UTC+3 all year since
// 2014, so plain arithmetic is exact and much faster than a zone library on 80,000-row pages.
const MSK_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `2022-05-08T00:44:15.5`: fractional seconds appear only when non-zero, trailing zeros cut. */
export function formatMsk(ms: number): string {
  const d = new Date(ms + MSK_OFFSET_MS);
  const base = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  const millis = d.getUTCMilliseconds();
  if (millis === 0) return base;
  return `${base}.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
}

/** RFC3339 with the Moscow offset, as feedbacks and the order feed write it. */
export function formatMskOffset(ms: number): string {
  return `${formatMsk(Math.floor(ms / 1000) * 1000)}+03:00`;
}

/** UTC with `Z`, as content cards write it. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString();
}

const DATE_FROM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a statistics `dateFrom`: a date or a datetime in Moscow time. An explicit offset is
 * honoured (WB accepts RFC3339). Returns null when the value is not a valid date.
 */
export function parseMsk(value: string): number | null {
  const m = DATE_FROM.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  if (
    fields[1] < 1 ||
    fields[1] > 12 ||
    fields[2] < 1 ||
    fields[2] > 31 ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  )
    return null;
  const utc = Date.UTC(
    fields[0],
    fields[1] - 1,
    fields[2],
    fields[3],
    fields[4],
    fields[5],
    Number(frac.padEnd(3, '0').slice(0, 3)),
  );
  if (new Date(utc).getUTCDate() !== fields[2]) return null;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return MSK_OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** Start (UTC ms) of the Moscow calendar day containing `ms`. */
export function mskDayStart(ms: number): number {
  return Math.floor((ms + MSK_OFFSET_MS) / DAY_MS) * DAY_MS - MSK_OFFSET_MS;
}

export { DAY_MS };
