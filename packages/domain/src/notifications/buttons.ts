import { NOTIFICATION_TYPES, type NotificationType } from './registry/index.ts';
import type { InlineButton } from './rendered-message.ts';
import { CALLBACK_DATA_LIMIT } from './telegram-limits.ts';

const MUTE_PREFIX = 'mute';

export function wbProductUrl(nmId: number): string {
  return `https://www.wildberries.ru/catalog/${nmId}/detail.aspx`;
}

/**
 * "mute:<type>" or "mute:<type>:<cabinetId>": what the bot receives when the user taps
 * "Не присылать такие". Settings are per user and cabinet, so the cabinet rides along when known.
 */
export function muteCallbackData(type: NotificationType, cabinetId?: string): string {
  const data = cabinetId === undefined ? `${MUTE_PREFIX}:${type}` : `${MUTE_PREFIX}:${type}:${cabinetId}`;
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_LIMIT) {
    throw new RangeError(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
  }
  return data;
}

/** The inverse of muteCallbackData; null for any other callback. */
export function parseMuteCallbackData(data: string): { type: NotificationType; cabinetId: string | null } | null {
  const [prefix, type, cabinetId, ...rest] = data.split(':');
  if (prefix !== MUTE_PREFIX || rest.length > 0 || cabinetId === '') return null;
  const known = NOTIFICATION_TYPES.find((t) => t === type);
  return known === undefined ? null : { type: known, cabinetId: cabinetId ?? null };
}

export function muteButton(type: NotificationType, cabinetId?: string): InlineButton {
  return { text: 'Не присылать такие', callbackData: muteCallbackData(type, cabinetId) };
}

export function openOnWbButton(nmId: number): InlineButton {
  return { text: 'Открыть на WB', url: wbProductUrl(nmId) };
}
