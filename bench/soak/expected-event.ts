import type { EventType } from './fingerprint.ts';

/** An event every subscribed chat must get exactly one message about. */
export interface ExpectedEvent {
  sid: string;
  cabinetId: string;
  chatIds: number[];
  type: EventType;
  /** What identifies it at WB (srid, saleID, review id), or the outbox key of a stock alert. */
  identity: string;
  fingerprint: string;
  /** Real time (epoch ms) it became visible at WB; absent when the emulator cannot tell (stock). */
  visibleAt?: number;
}
