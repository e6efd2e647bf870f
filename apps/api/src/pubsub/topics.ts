import { z } from 'zod';

/**
 * The cross-process events the API subscribes to, each the JSON of one NOTIFY channel the
 * worker (packages/sync) or packages/core writes. They carry ids only: NOTIFY payloads are
 * limited to ~8 KB, and subscribers load rows and check access themselves. `routeBy` names
 * the field a subscriber may narrow a topic to (subscribe(topic, key)), so an event wakes only
 * the subscribers it concerns instead of every open subscription.
 */
export const TOPICS = {
  /** A notification_history row was written (packages/sync/src/events/outbox.ts). */
  notification: {
    channel: 'wb_notifications',
    routeBy: 'userId',
    schema: z.object({
      id: z.string().min(1),
      userId: z.string().min(1),
      cabinetId: z.string().min(1),
      type: z.string(),
    }),
  },
  /** The initial sync of a cabinet moved on (packages/sync/src/progress.ts). */
  syncProgress: {
    channel: 'wb_sync_progress',
    routeBy: 'cabinetId',
    schema: z.object({ cabinetId: z.string().min(1), stage: z.string(), percent: z.number() }),
  },
  /** A cabinet changed status (packages/sync/src/progress.ts). */
  cabinetEvent: {
    channel: 'wb_cabinet_events',
    routeBy: 'cabinetId',
    schema: z.object({ cabinetId: z.string().min(1), event: z.enum(['initial_sync_completed', 'key_invalid']) }),
  },
  /** A user's notification settings for a cabinet changed (packages/core). */
  settingsChanged: {
    channel: 'wb_settings_changed',
    routeBy: 'userId',
    schema: z.object({ userId: z.string().min(1), cabinetId: z.string().min(1) }),
  },
} as const;

export type Topic = keyof typeof TOPICS;

export type Payloads = { [T in Topic]: z.infer<(typeof TOPICS)[T]['schema']> };

/** The value of a payload's routing field (userId or cabinetId). */
export function routeKey<T extends Topic>(topic: T, payload: Payloads[T]): string {
  return (payload as Record<string, string>)[TOPICS[topic].routeBy]!;
}

export type NotificationPayload = Payloads['notification'];
export type SyncProgressPayload = Payloads['syncProgress'];
export type CabinetEventPayload = Payloads['cabinetEvent'];
export type SettingsChangedPayload = Payloads['settingsChanged'];

export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

const byChannel = new Map<string, Topic>(TOPIC_NAMES.map((topic) => [TOPICS[topic].channel, topic]));

/** The topic a NOTIFY channel feeds, or undefined for a channel we do not listen to. */
export function topicOfChannel(channel: string): Topic | undefined {
  return byChannel.get(channel);
}
