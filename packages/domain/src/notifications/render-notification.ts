import { DEFAULT_TIME_ZONE } from '../format/date.ts';
import { muteButton, openOnWbButton } from './buttons.ts';
import type { Detail } from './detail.ts';
import type { NotificationEvent } from './events.ts';
import { fitText } from './fit.ts';
import type { RenderedMessage, RenderOptions } from './rendered-message.ts';
import { CAPTION_LIMIT, MESSAGE_LIMIT } from './telegram-limits.ts';
import { renderCriticalStock } from './templates/critical-stock.ts';
import { renderNegativeReview } from './templates/negative-review.ts';
import { renderSale } from './templates/sale.ts';

function template(event: NotificationEvent, timeZone: string): (detail: Detail) => string {
  switch (event.type) {
    case 'negative_review':
      return (detail) => renderNegativeReview(event, timeZone, detail);
    case 'critical_stock':
      return (detail) => renderCriticalStock(event, timeZone, detail);
    default:
      return (detail) => renderSale(event, timeZone, detail);
  }
}

/**
 * One event as one Telegram message. With a product photo the text is its caption (1024
 * characters): it is shortened to fit, and only when that cannot work is the photo dropped
 * for a plain message (4096).
 */
export function renderNotification(event: NotificationEvent, options: RenderOptions = {}): RenderedMessage {
  const render = template(event, options.timeZone ?? DEFAULT_TIME_ZONE);
  const buttons = [[openOnWbButton(event.product.nmId), muteButton(event.type, options.cabinetId)]];
  const photoUrl = event.product.photoUrl;
  const caption = photoUrl === null ? null : fitText(render, CAPTION_LIMIT);
  if (caption !== null) return { text: caption, photoUrl, parseMode: 'HTML', buttons };
  const text = fitText(render, MESSAGE_LIMIT);
  // Unreachable: with every WB string cut to "…" a template is a few hundred characters.
  if (text === null) throw new Error(`${event.type} notification does not fit ${MESSAGE_LIMIT} characters`);
  return { text, photoUrl: null, parseMode: 'HTML', buttons };
}
