export type { SyncProgress } from './progress.ts';
export {
  syncCabinet,
  type SyncCabinetOptions,
  type SyncKind,
  type SyncObservation,
  type SyncOutcome,
} from './sync-cabinet.ts';
export type { SourceCounts, SyncSettings } from './context.ts';
