import { z } from 'zod';

/**
 * Every PostgreSQL NOTIFY channel of the system, with the JSON its payload carries. Senders
 * (`notify`) and listeners (`listen`, `parseNotification`) take the channel by key, so a name or
 * a payload field cannot drift between the process that writes it and those that read it.
 * Payloads carry ids only: NOTIFY payloads are limited to ~8 KB, and listeners load rows and
 * check access themselves.
 */
export const CHANNELS = {
  /** A notification_history row was written (packages/sync/src/events/outbox.ts builds it in SQL). */
  notification: {
    name: 'wb_notifications',
    schema: z.object({
      id: z.string().min(1),
      userId: z.string().min(1),
      cabinetId: z.string().min(1),
      type: z.string(),
    }),
  },
  /** The initial sync of a cabinet moved on (packages/sync/src/progress.ts). */
  syncProgress: {
    name: 'wb_sync_progress',
    schema: z.object({ cabinetId: z.string().min(1), stage: z.string(), percent: z.number() }),
  },
  /** A cabinet changed status (packages/sync/src/progress.ts). */
  cabinetEvent: {
    name: 'wb_cabinet_events',
    schema: z.object({ cabinetId: z.string().min(1), event: z.enum(['initial_sync_completed', 'key_invalid']) }),
  },
  /** A user's notification settings for a cabinet changed (packages/core). */
  settingsChanged: {
    name: 'wb_settings_changed',
    schema: z.object({ userId: z.string().min(1), cabinetId: z.string().min(1) }),
  },
  /** An answer to a review or question was claimed, sent or refused (packages/core/src/answers). */
  buyerAnswerChanged: {
    name: 'buyer_answer_changed',
    schema: z.object({
      cabinetId: z.string().min(1),
      kind: z.enum(['review', 'question']),
      targetId: z.string().min(1),
    }),
  },
} as const;

export type Channel = keyof typeof CHANNELS;

export type ChannelPayloads = { [C in Channel]: z.infer<(typeof CHANNELS)[C]['schema']> };

export const CHANNEL_KEYS = Object.keys(CHANNELS) as Channel[];

/** One received notification, validated: the channel's key and its typed payload. */
export type ChannelMessage<C extends Channel = Channel> = {
  [K in C]: { channel: K; payload: ChannelPayloads[K] };
}[C];
