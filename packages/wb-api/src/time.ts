import { DateTime } from 'luxon';

export const MOSCOW = 'Europe/Moscow';

/** WB's "not cancelled" value of cancelDate. */
const ZERO_DATE = /^0001-01-01/;

/**
 * Statistics times come in Moscow time without an offset and with varying fractional seconds
 * ("2022-05-08T00:44:15.5"). Reading them as UTC shifts everything by 3 hours.
 * Returns null for WB's zero date; undefined when the text is not a date at all.
 */
export function parseMoscowDateTime(value: string): Date | null | undefined {
  if (ZERO_DATE.test(value)) return null;
  const fast = parseRecentMoscow(value);
  if (fast) return fast;
  const parsed = DateTime.fromISO(value, { zone: MOSCOW });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

const MOSCOW_WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
/** Since 2014-10-26 02:00 MSK Moscow keeps UTC+3 all year, with no daylight saving. */
const FIXED_OFFSET_SINCE = Date.UTC(2014, 9, 25, 23, 0, 0);

/**
 * Hundreds of thousands of rows per sync carry two or three such times: a fixed +03:00
 * arithmetic parse is ~50× cheaper than a time-zone database lookup. Older or unusual values
 * (an offset, an invalid date) fall back to Luxon.
 */
function parseRecentMoscow(value: string): Date | undefined {
  const match = MOSCOW_WALL_TIME.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = ''] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 3, Number(mi), Number(s), ms);
  const check = new Date(utc + 3 * 3_600_000);
  // Date.UTC rolls 2026-02-31 over into March: such a value is no date at all.
  if (
    check.getUTCDate() !== Number(d) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  return utc >= FIXED_OFFSET_SINCE ? new Date(utc) : undefined;
}

/** The `dateFrom` WB statistics expects: Moscow time, no offset, whole seconds. */
export function formatMoscowDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: MOSCOW }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
}

/** Content and feedback times carry their own offset or Z. */
export function parseOffsetDateTime(value: string): Date | undefined {
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}
