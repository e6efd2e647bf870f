import { renderGroup, renderNotification, renderQuietDigest, shouldGroup } from '@wb-assist/domain';
import type { Renderer } from '@wb-assist/delivery';
import { toNotificationEvent } from './to-notification-event.ts';

/**
 * One event becomes one message (with its photo); a burst becomes grouped messages; what quiet
 * hours held becomes one digest.
 */
export const renderForTelegram: Renderer = (events, { timeZone, digest }) => {
  const mapped = events.map(toNotificationEvent);
  if (digest) return [renderQuietDigest(mapped, { timeZone, ...digest })];
  const cabinetId = events[0]?.cabinetId;
  if (shouldGroup(mapped.length)) return renderGroup(mapped, { timeZone, cabinetId });
  return mapped.map((event) => renderNotification(event, { timeZone, cabinetId }));
};
