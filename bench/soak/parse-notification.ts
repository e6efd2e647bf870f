import { NOTIFICATION_DEFINITIONS } from '@wb-assist/domain';
import { eventFingerprint, type EventType } from './fingerprint.ts';

/** The events one Telegram message tells of. */
export interface ParsedNotification {
  type: EventType;
  /** Fingerprints of the events it lists, one per event. */
  items: string[];
  /** Events a grouped message only counts ("…и ещё N заказов"), without listing them. */
  hidden: number;
  grouped: boolean;
}

/**
 * The headings as a user reads them, from the registry's labels: the emoji and the title of a
 * single message. A grouped message's first heading is the emoji and a count instead.
 */
const HEADINGS: { type: EventType; emoji: string; title: string }[] = NOTIFICATION_DEFINITIONS.map((definition) => ({
  type: definition.id,
  emoji: definition.labels.emoji,
  title: definition.labels.title,
}));

const WHEN = String.raw`\d\d\.\d\d \d\d:\d\d \S+`;
const WHEN_LINE = new RegExp(`^(${WHEN})$`, 'gm');
const SALE_ITEM = new RegExp(`^• (${WHEN}) · <b>.*?</b> · (.+?)(?: · |$)`);
const REVIEW_ITEM = new RegExp(`^• (${WHEN}) · ([★☆]{5}) · <b>.*?</b> · ([^·:]+?)(?= · |: |$)`);
const STOCK_ITEM = /^• <b>.*?<\/b> · ([^·:]+?)(?= · |: )/;
const UNITS = /<b>([\d\s]+)\sшт\.<\/b>/;
const HIDDEN = /^…и ещё ([\d\s]+)/m;

const digits = (text: string) => Number(text.replace(/\D/g, ''));
const stars = (text: string) => [...text].filter((c) => c === '★').length;

function single(type: EventType, text: string): string | undefined {
  const vendorCode = /Артикул: (.*?) \(WB \d+\)/.exec(text)?.[1];
  if (vendorCode === undefined) return undefined;
  if (type === 'critical_stock') {
    const remaining = /Осталось: (<b>[\d\s]+\sшт\.<\/b>)/.exec(text)?.[1];
    return remaining && eventFingerprint(type, vendorCode, { remaining: digits(remaining) });
  }
  // The event's own time is the last date line; the context line after it has none.
  const when = [...text.matchAll(WHEN_LINE)].at(-1)?.[1];
  if (when === undefined) return undefined;
  if (type === 'negative_review')
    return eventFingerprint(type, vendorCode, { when, stars: stars(text.split('\n')[0]!) });
  return eventFingerprint(type, vendorCode, { when });
}

function item(type: EventType, line: string): string | undefined {
  if (type === 'critical_stock') {
    const vendorCode = STOCK_ITEM.exec(line)?.[1];
    const remaining = UNITS.exec(line)?.[1];
    return vendorCode && remaining ? eventFingerprint(type, vendorCode, { remaining: digits(remaining) }) : undefined;
  }
  if (type === 'negative_review') {
    const match = REVIEW_ITEM.exec(line);
    return match ? eventFingerprint(type, match[3]!, { when: match[1]!, stars: stars(match[2]!) }) : undefined;
  }
  const match = SALE_ITEM.exec(line);
  return match ? eventFingerprint(type, match[2]!, { when: match[1]! }) : undefined;
}

/**
 * Reads a notification back from the text Telegram got: one event (a single message) or a list
 * (a grouped message: "• …" lines, maybe "…и ещё N"). Anything else the bot sent (menus,
 * progress) is not a notification: null. An event line that cannot be read still counts, with
 * a fingerprint no real event has, so it shows up as unexpected instead of vanishing.
 */
export function parseNotification(text: string): ParsedNotification | null {
  const firstLine = text.split('\n', 1)[0]!;
  const heading = HEADINGS.find((h) => firstLine.startsWith(`${h.emoji} <b>`));
  if (!heading) return null;
  const { type } = heading;
  const isSingle =
    firstLine === `${heading.emoji} <b>${heading.title}</b>` ||
    (type === 'negative_review' && firstLine.startsWith(`${heading.emoji} <b>${heading.title}</b> `));
  if (isSingle) {
    return { type, items: [single(type, text) ?? `${type}|unreadable|${firstLine}`], hidden: 0, grouped: false };
  }
  const items = text
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map((line) => item(type, line) ?? `${type}|unreadable|${line}`);
  const hidden = HIDDEN.exec(text);
  return { type, items, hidden: hidden ? digits(hidden[1]!) : 0, grouped: true };
}
