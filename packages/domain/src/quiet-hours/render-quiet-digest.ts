import { DEFAULT_TIME_ZONE } from '../format/date.ts';
import { countNoun } from '../format/plural.ts';
import type { NotificationEvent } from '../notifications/events.ts';
import { NOTIFICATION_REGISTRY, NOTIFICATION_TYPES, templateOf } from '../notifications/registry/index.ts';
import type { RenderedMessage } from '../notifications/rendered-message.ts';
import { MESSAGE_LIMIT } from '../notifications/telegram-limits.ts';
import { formatClockTime } from './quiet-window.ts';

/** Lines shown per type; the rest are counted, so the digest reads on one phone screen. */
export const DIGEST_ITEMS_PER_TYPE = 3;

const NOTIFICATION_FORMS = ['уведомление', 'уведомления', 'уведомлений'] as const;

/**
 * Everything quiet hours held, as one message: a heading with the window and the total, then per
 * type (in the registry's order) its counted heading and its first few lines. Counts are always
 * of every held event; only the example lines give way when the text would pass Telegram's
 * limit, so the message is one, whatever was held.
 */
export function renderQuietDigest(
  events: readonly NotificationEvent[],
  options: { timeZone?: string; start: number; end: number },
): RenderedMessage {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const opening = [
    `🌙 <b>Тихие часы закончились</b> · ${formatClockTime(options.start)}–${formatClockTime(options.end)}`,
    `За это время: ${countNoun(events.length, NOTIFICATION_FORMS)}.`,
  ].join('\n');
  const sections = NOTIFICATION_TYPES.flatMap((type) => {
    const held = events
      .filter((event) => event.type === type)
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const [first] = held;
    if (first === undefined) return [];
    const template = templateOf(first);
    const header = template.groupHeader(held, timeZone).join('\n');
    const items = held.slice(0, DIGEST_ITEMS_PER_TYPE).map((event) => template.groupItem(event, timeZone));
    const hidden = held.length - items.length;
    const more = hidden > 0 ? [`…и ещё ${countNoun(hidden, NOTIFICATION_REGISTRY[type].labels.nounForms)}`] : [];
    return [{ header, full: [header, ...items, ...more].join('\n') }];
  });
  const full = [opening, ...sections.map((section) => section.full)].join('\n\n');
  const text =
    full.length <= MESSAGE_LIMIT ? full : [opening, ...sections.map((section) => section.header)].join('\n\n');
  return { text, photoUrl: null, parseMode: 'HTML', buttons: [] };
}
