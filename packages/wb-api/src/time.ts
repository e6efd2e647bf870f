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
  const parsed = DateTime.fromISO(value, { zone: MOSCOW });
  return parsed.isValid ? parsed.toJSDate() : undefined;
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
