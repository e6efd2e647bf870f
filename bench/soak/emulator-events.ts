import type { RunningEmulator } from '@wb-assist/wb-emulator';
import type { SoakCabinet } from './connect-users.ts';
import type { ExpectedEvent } from './expected-event.ts';
import { NEGATIVE_RATING } from './negative-rating.ts';
import { eventFingerprint, type EventType } from './fingerprint.ts';

/**
 * The ground truth, from the emulator's own record of each shop: every order placed, order
 * cancelled, item bought out or returned, and review of 1–3 stars written after the shops'
 * clock was let go (`from`, exclusive: the initial syncs saw everything up to and including
 * it) and no later than where it stopped (`to`). Read from the shop, not from our database,
 * so an event the system never noticed counts as lost.
 */
export function emulatorEvents(options: {
  emulator: RunningEmulator;
  cabinets: SoakCabinet[];
  from: number;
  to: number;
  realTimeOf: (virtual: number) => number;
}): ExpectedEvent[] {
  const { from, to } = options;
  const within = (at: number) => at > from && at <= to;
  const events: ExpectedEvent[] = [];
  for (const cabinet of options.cabinets) {
    const seller = options.emulator.store.seller(cabinet.sid);
    if (!seller) throw new Error(`the emulator lost shop ${cabinet.sid}`);
    const add = (type: EventType, identity: string, at: number, vendorCode: string, stars?: number) =>
      events.push({
        sid: cabinet.sid,
        cabinetId: cabinet.cabinetId,
        chatIds: cabinet.chatIds,
        type,
        identity,
        fingerprint: eventFingerprint(type, vendorCode, { at: new Date(at), stars }),
        visibleAt: options.realTimeOf(at),
      });
    for (const order of seller.orders) {
      const vendorCode = order.size.product.vendorCode;
      if (within(order.date)) add('new_order', seller.srid(order), order.date, vendorCode);
      if (within(order.cancelAt)) add('cancellation', seller.srid(order), order.cancelAt, vendorCode);
    }
    // A buyout and a return are named by their order's srid, which the order feed knows too.
    for (const sale of seller.sales) {
      if (within(sale.date))
        add(
          sale.kind === 'S' ? 'buyout' : 'return',
          seller.srid(sale.order),
          sale.date,
          sale.order.size.product.vendorCode,
        );
    }
    for (const review of seller.feedbacks) {
      if (within(review.createdAt) && review.valuation <= NEGATIVE_RATING)
        add('negative_review', review.id, review.createdAt, review.product.vendorCode, review.valuation);
    }
  }
  return events;
}
