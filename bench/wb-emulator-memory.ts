// node bench/wb-emulator-memory.ts
// Target (issue #3): 1,000 sellers × 1,000 orders (with their sales, reviews and stock) held in
// < 500 MB, so a load test of 1,000 cabinets does not need a bigger machine for the emulator.
// Prints the live data (V8 heap used + typed-array storage) and the process RSS. RSS also
// holds V8's young-generation reservation (up to ~130 MB with default flags), so the figures
// are measured twice: with default flags and in a child with `--max-semi-space-size=8`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startEmulator } from '@wb-assist/wb-emulator';

const SELLERS = 1_000;
const ORDERS_PER_SELLER = 1_000;
const DAYS = 30;
const LIMIT_MB = 500;
const mb = (bytes: number) => bytes / 1024 / 1024;

async function measure(): Promise<string[]> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage();
  const emulator = await startEmulator({ seed: 1, publishIntervalMinutes: 0, rateLimits: false });
  const started = performance.now();
  let orders = 0;
  let sales = 0;
  let reviews = 0;
  let sid = '';
  for (let i = 0; i < SELLERS; i++) {
    const seller = emulator.store.createSeller({
      products: 10,
      historyDays: DAYS,
      traffic: { ordersPerDay: ORDERS_PER_SELLER / DAYS },
    });
    orders += seller.orders.length;
    sales += seller.sales.length;
    reviews += seller.feedbacks.length;
    sid = seller.sid;
  }
  const buildMs = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const { token } = emulator.store.mintToken({ sid });
  const t = performance.now();
  const rows = (await (
    await fetch(`${emulator.url}/api/v1/supplier/orders?dateFrom=2020-01-01`, { headers: { Authorization: token } })
  ).json()) as unknown[];
  const pageMs = performance.now() - t;
  await emulator.close();
  const live = mb(after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers);
  return [
    `built ${SELLERS} sellers: ${orders} orders (${(orders / SELLERS).toFixed(0)} per seller), ${sales} sales/returns, ${reviews} reviews in ${(buildMs / 1000).toFixed(1)} s`,
    `live data: ${live.toFixed(0)} MB (heap used ${mb(after.heapUsed).toFixed(0)} MB, typed arrays ${mb(after.arrayBuffers).toFixed(0)} MB); rss ${mb(after.rss).toFixed(0)} MB (baseline ${mb(before.rss).toFixed(0)} MB)`,
    `one seller's full orders page while loaded: ${rows.length} rows in ${pageMs.toFixed(0)} ms`,
    `target < ${LIMIT_MB} MB: live data ${live < LIMIT_MB ? 'met' : 'NOT met'}, rss ${mb(after.rss) < LIMIT_MB ? 'met' : 'NOT met'}`,
  ];
}

const lines = await measure();
if (process.argv.includes('--child')) {
  console.log(lines.join('\n'));
} else {
  console.log(`[default V8 flags]\n${lines.join('\n')}`);
  const child = execFileSync(process.execPath, ['--max-semi-space-size=8', fileURLToPath(import.meta.url), '--child'], {
    encoding: 'utf8',
  });
  console.log(`[--max-semi-space-size=8]\n${child.trim()}`);
}
