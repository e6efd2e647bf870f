import { DEFAULT_TIME_ZONE } from '../../format/date.ts';
import { countNoun } from '../../format/plural.ts';
import { muteButton } from '../buttons.ts';
import type { NotificationEvent } from '../events.ts';
import type { NotificationTemplate } from '../registry/definition.ts';
import { NOTIFICATION_REGISTRY, templateOf } from '../registry/index.ts';
import type { RenderedMessage, RenderOptions } from '../rendered-message.ts';
import { MESSAGE_LIMIT } from '../telegram-limits.ts';

/** At most this many events are listed; the rest become "…и ещё N". */
export const GROUP_ITEM_CAP = 50;
/** A burst never takes more messages than this (Telegram allows one per second per chat). */
export const GROUP_MESSAGE_CAP = 3;
// Room kept in every message for the "…и ещё 1 812 позиций" line, wherever the list stops.
const REMAINDER_RESERVE = 64;

/** In the template's order (stock: most urgent first), then in the order they happened. */
function ordered(events: readonly NotificationEvent[], template: NotificationTemplate<NotificationEvent>) {
  return [...events].sort(
    (a, b) => (template.groupOrder?.(a, b) ?? 0) || a.occurredAt.getTime() - b.occurredAt.getTime(),
  );
}

/**
 * A burst of events of one type as grouped messages without photos: a heading with the count
 * and sum, the day's context, then one line per event, split at line boundaries so every
 * message stays under 4096 characters, and capped so a 1,833-item burst is not a flood.
 */
export function renderGroup(events: readonly NotificationEvent[], options: RenderOptions = {}): RenderedMessage[] {
  const [first] = events;
  if (first === undefined) return [];
  const type = first.type;
  if (events.some((e) => e.type !== type)) throw new Error('renderGroup takes events of one type');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { labels } = NOTIFICATION_REGISTRY[type];
  const template = templateOf(first);
  const sorted = ordered(events, template);

  const latest = events.reduce((a, b) => (b.occurredAt > a.occurredAt ? b : a));
  const context = template.context(latest);
  const opening = [...template.groupHeader(events, timeZone), ...(context === null ? [] : [context]), ''].join('\n');
  const continuation = `${labels.emoji} <b>${labels.groupTitle}, продолжение</b>\n`;
  const budget = MESSAGE_LIMIT - REMAINDER_RESERVE;

  const texts: string[] = [];
  let current = opening;
  let shown = 0;
  for (const event of sorted.slice(0, GROUP_ITEM_CAP)) {
    const line = template.groupItem(event, timeZone);
    if (current.length + 1 + line.length > budget) {
      if (texts.length + 1 === GROUP_MESSAGE_CAP) break;
      texts.push(current);
      current = continuation;
    }
    current = `${current}\n${line}`;
    shown += 1;
  }
  const hidden = events.length - shown;
  if (hidden > 0) current = `${current}\n…и ещё ${countNoun(hidden, labels.nounForms)}`;
  texts.push(current);

  return texts.map((text, index) => ({
    text,
    photoUrl: null,
    parseMode: 'HTML',
    // One mute button, under the last message, where the reader ends up.
    buttons: index === texts.length - 1 ? [[muteButton(type, options.cabinetId)]] : [],
  }));
}
