export { CHANNELS, type SyncProgress } from './progress.ts';
export { syncCabinet, type SyncCabinetOptions, type SyncKind, type SyncOutcome } from './sync-cabinet.ts';
export type { SourceCounts, SyncSettings } from './context.ts';
