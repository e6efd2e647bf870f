export { createPostgresPubSub, type PostgresPubSubOptions } from './postgres.ts';
export { createFanout, type Fanout } from './fanout.ts';
export type { ApiPubSub } from './pubsub.ts';
export {
  TOPICS,
  type CabinetEventPayload,
  type NotificationPayload,
  type Payloads,
  type SettingsChangedPayload,
  type SyncProgressPayload,
  type Topic,
} from './topics.ts';
