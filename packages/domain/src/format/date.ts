export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

// Building an Intl formatter costs far more than using one; a sync may format thousands of dates.
function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let formatter = cache.get(timeZone);
  if (formatter === undefined) {
    formatter = make();
    cache.set(timeZone, formatter);
  }
  return formatter;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * The zone's label at that instant: "МСК" for Moscow, otherwise the UTC offset ("UTC+5",
 * "UTC+5:30", "UTC-3", "UTC"), which unlike abbreviations means the same to everyone.
 */
export function zoneLabel(instant: Date, timeZone: string): string {
  if (timeZone === DEFAULT_TIME_ZONE) return 'МСК';
  const formatter = cached(
    offsetFormatters,
    timeZone,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }),
  );
  return part(formatter.formatToParts(instant), 'timeZoneName').replace('GMT', 'UTC');
}

/**
 * "27.11 14:05 МСК": day, month and time in the user's zone. Throws RangeError for an unknown
 * zone name, so a bad setting shows up instead of silently printing Moscow time.
 */
export function formatDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const formatter = cached(
    partsFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat('ru-RU', {
        timeZone,
        day: '2-digit',
        month: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts = formatter.formatToParts(instant);
  const date = `${part(parts, 'day')}.${part(parts, 'month')}`;
  const time = `${part(parts, 'hour')}:${part(parts, 'minute')}`;
  return `${date} ${time} ${zoneLabel(instant, timeZone)}`;
}
