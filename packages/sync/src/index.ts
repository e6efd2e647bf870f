export type { SyncProgress } from './progress.ts';
export {
  syncCabinet,
  type SyncCabinetOptions,
  type SyncKind,
  type SyncObservation,
  type SyncOutcome,
} from './sync-cabinet.ts';
export type { SourceCounts, SyncSettings } from './context.ts';
export { readsOrderFeed, syncCabinetOrderFeed, type SyncOrderFeedOptions } from './sync-order-feed.ts';
export { sendDueSummaries, type SendDueSummariesOptions } from './morning-summary/send-due-summaries.ts';
