export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
const MINUS = '\u2212';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Building an Intl formatter costs far more than using one; a sync may format thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar fields in the zone, as numbers: the only thing we take from ICU. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The zone's label at that instant: "МСК" for Moscow, otherwise the UTC offset ("UTC+5",
 * "UTC+5:30", "UTC−3", "UTC"), which unlike abbreviations means the same to everyone. The
 * offset is computed, not read from ICU, whose wording ("GMT" or "GMT+0") varies by version.
 */
export function zoneLabel(instant: Date, timeZone: string): string {
  if (timeZone === DEFAULT_TIME_ZONE) return 'МСК';
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offset = Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  if (offset === 0) return 'UTC';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? MINUS : '+'}${hours}${minutes === 0 ? '' : `:${pad(minutes)}`}`;
}

/**
 * "27.11 14:05 МСК": day, month and time in the user's zone. Throws RangeError for an unknown
 * zone name, so a bad setting shows up instead of silently printing Moscow time.
 */
export function formatDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const wall = wallClock(instant, timeZone);
  return `${pad(wall.day)}.${pad(wall.month)} ${pad(wall.hour)}:${pad(wall.minute)} ${zoneLabel(instant, timeZone)}`;
}
