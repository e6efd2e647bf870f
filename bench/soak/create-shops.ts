import type { RunningEmulator } from '@wb-assist/wb-emulator';
import { inParallel } from './in-parallel.ts';
import { HISTORY_DAYS, shopTraffic } from './shop-traffic.ts';

/** Units of each size a scarce shop holds when the run starts: one above the critical threshold (2). */
const SCARCE_UNITS = 3;

/**
 * One living shop per cabinet, created through the emulator's control API. Every third shop is
 * scarce: two products, each size with 3 units in one warehouse and none elsewhere, so the first
 * order of a size takes it to the critical threshold and a critical-stock alert happens during
 * the run too (a restock re-arms it).
 */
export async function createShops(emulator: RunningEmulator, count: number, ordersPerDay: number): Promise<string[]> {
  const traffic = shopTraffic(ordersPerDay);
  const sids: string[] = Array.from({ length: count }, () => '');
  await inParallel(
    sids.map((_, index) => index),
    8,
    async (index) => {
      const scarce = index % 3 === 2;
      const seller = await emulator.control.createSeller({
        products: scarce ? 2 : 5,
        historyDays: HISTORY_DAYS,
        traffic,
      });
      sids[index] = seller.sid;
      if (!scarce) return;
      const stocked = seller.warehouses.find((warehouse) => warehouse.kind === 'wb') ?? seller.warehouses[0]!;
      for (const size of seller.products.flatMap((product) => product.sizes)) {
        for (const warehouse of seller.warehouses) {
          const quantity = warehouse.id === stocked.id ? SCARCE_UNITS : 0;
          await emulator.control.setStock(seller.sid, { chrtId: size.chrtId, warehouseId: warehouse.id, quantity });
        }
      }
    },
  );
  return sids;
}
