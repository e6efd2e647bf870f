import { CHANNELS, type Channel, type ChannelPayloads } from '@wb-assist/db/channels';

/**
 * The cross-process events the API subscribes to: one per NOTIFY channel of
 * @wb-assist/db/channels, which owns the channel names and payload schemas. `routeBy` names
 * the field a subscriber may narrow a topic to (subscribe(topic, key)), so an event wakes only
 * the subscribers it concerns instead of every open subscription.
 */
export const TOPICS = {
  /** A notification_history row was written. */
  notification: { ...CHANNELS.notification, routeBy: 'userId' },
  /** The initial sync of a cabinet moved on. */
  syncProgress: { ...CHANNELS.syncProgress, routeBy: 'cabinetId' },
  /** A cabinet changed status. */
  cabinetEvent: { ...CHANNELS.cabinetEvent, routeBy: 'cabinetId' },
  /** A user's notification settings for a cabinet changed. */
  settingsChanged: { ...CHANNELS.settingsChanged, routeBy: 'userId' },
  /** An answer to a review or question was claimed, sent or refused. */
  buyerAnswerChanged: { ...CHANNELS.buyerAnswerChanged, routeBy: 'cabinetId' },
} as const satisfies Record<Channel, { routeBy: string }>;

export type Topic = Channel;

export type Payloads = ChannelPayloads;

/** The value of a payload's routing field (userId or cabinetId). */
export function routeKey<T extends Topic>(topic: T, payload: Payloads[T]): string {
  return (payload as Record<string, string>)[TOPICS[topic].routeBy]!;
}

export type NotificationPayload = Payloads['notification'];
export type SyncProgressPayload = Payloads['syncProgress'];
export type CabinetEventPayload = Payloads['cabinetEvent'];
export type SettingsChangedPayload = Payloads['settingsChanged'];

export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];
