import { DEFAULT_TIME_ZONE } from '../format/date.ts';
import { answerButtons, muteButton, openOnWbButton, replaceKeyButton } from './buttons.ts';
import type { Detail } from './detail.ts';
import type { NotificationEvent } from './events.ts';
import { fitText } from './fit.ts';
import { templateOf } from './registry/index.ts';
import type { InlineButton, RenderedMessage, RenderOptions } from './rendered-message.ts';
import { ANSWER_LINE_ROOM, CAPTION_LIMIT, MESSAGE_LIMIT } from './telegram-limits.ts';

/**
 * One event as one Telegram message. With a product photo the text is its caption (1024
 * characters): it is shortened to fit, and only when that cannot work is the photo dropped
 * for a plain message (4096).
 */
export function renderNotification(event: NotificationEvent, options: RenderOptions = {}): RenderedMessage {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const template = templateOf(event);
  const render = (detail: Detail) => template.message(event, timeZone, detail);
  if (event.type === 'morning_summary') {
    return cabinetNotice(event.type, render, [
      [{ text: 'Подробнее', url: event.detailsUrl }],
      [muteButton(event.type, options.cabinetId)],
    ]);
  }
  if (event.product === null) {
    return cabinetNotice(event.type, render, [
      [replaceKeyButton(options.cabinetId)],
      [muteButton(event.type, options.cabinetId)],
    ]);
  }
  const answer = answerButtons(event);
  const open = openOnWbButton(event.product.nmId);
  const mute = muteButton(event.type, options.cabinetId);
  // Three buttons in one row cut their labels on a phone: «Ответить» pushes the mute button down.
  const buttons = answer.length > 0 ? [[open, ...answer], [mute]] : [[open, mute]];
  const room = answer.length > 0 ? ANSWER_LINE_ROOM : 0;
  const photoUrl = event.product.photoUrl;
  const caption = photoUrl === null ? null : fitText(render, CAPTION_LIMIT - room);
  if (caption !== null) return { text: caption, photoUrl, parseMode: 'HTML', buttons };
  const text = fitText(render, MESSAGE_LIMIT - room);
  // Unreachable: with every WB string cut to "…" a template is a few hundred characters.
  if (text === null) throw new Error(`${event.type} notification does not fit ${MESSAGE_LIMIT - room} characters`);
  return { text, photoUrl: null, parseMode: 'HTML', buttons };
}

/**
 * A notice about the whole cabinet (its key, its day): no product to open, the next step (a
 * new key, the dashboard on that day) one tap away.
 */
function cabinetNotice(
  type: NotificationEvent['type'],
  render: (detail: Detail) => string,
  buttons: InlineButton[][],
): RenderedMessage {
  const text = fitText(render, MESSAGE_LIMIT);
  if (text === null) throw new Error(`${type} notification does not fit ${MESSAGE_LIMIT} characters`);
  return {
    text,
    photoUrl: null,
    parseMode: 'HTML',
    buttons,
  };
}
