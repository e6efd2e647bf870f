// node bench/wb-emulator-page.ts
// Target (issue #3): the emulator serves a full 80,000-row statistics page in < 1.5 s, so it
// is never the bottleneck of sync benchmarks (80k orders + 80k sales initial sync).
import { startEmulator } from '@wb-assist/wb-emulator';
import { summary, timeRuns } from './stats.ts';

const emulator = await startEmulator({ seed: 1, publishIntervalMinutes: 0, rateLimits: false });
const built = performance.now();
// ~1,500 orders a day for 80 days: more than 80,000 orders and a comparable number of sales.
const seller = emulator.store.createSeller({
  products: 40,
  initialStock: 100_000,
  historyDays: 80,
  traffic: { ordersPerDay: 1_500, lateMoneyRate: 0.5 },
});
const buildMs = performance.now() - built;
const { token } = emulator.store.mintToken({ sid: seller.sid });

async function page(kind: 'orders' | 'sales'): Promise<{ rows: number; bytes: number }> {
  const response = await fetch(`${emulator.url}/api/v1/supplier/${kind}?dateFrom=2020-01-01`, {
    headers: { Authorization: token },
  });
  const text = await response.text();
  const rows = (JSON.parse(text) as unknown[]).length;
  return { rows, bytes: text.length };
}

let ordersPage = { rows: 0, bytes: 0 };
let salesPage = { rows: 0, bytes: 0 };
const orders = await timeRuns(5, async () => {
  ordersPage = await page('orders');
});
const sales = await timeRuns(5, async () => {
  salesPage = await page('sales');
});
await emulator.close();

console.log(
  `seller history built: ${seller.orders.length} orders, ${seller.sales.length} sales in ${buildMs.toFixed(0)} ms`,
);
console.log(
  `orders page: ${ordersPage.rows} rows, ${(ordersPage.bytes / 1e6).toFixed(1)} MB, request + body + JSON.parse: ${summary(orders)}`,
);
console.log(
  `sales page:  ${salesPage.rows} rows, ${(salesPage.bytes / 1e6).toFixed(1)} MB, request + body + JSON.parse: ${summary(sales)}`,
);
const worst = Math.max(...orders, ...sales);
console.log(
  `target < 1500 ms per full page: ${worst < 1500 && ordersPage.rows === 80_000 ? 'met' : 'NOT met'} (worst ${worst.toFixed(0)} ms)`,
);
