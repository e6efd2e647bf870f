import pg from 'pg';
import { deliverDue } from '@wb-assist/delivery';
import { renderForTelegram } from '../delivery/render.ts';

// Delivery passes as a process of their own, for tests that SIGKILL the worker mid-delivery:
// the worker's renderer against the real bot, on the clock the test gives.
// Env: DATABASE_URL, BOT_ENDPOINT, INTERNAL_WEBHOOK_SECRET, NOW (epoch ms), LEASE_SECONDS.
const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
const now = new Date(Number(env.NOW));
process.stdout.write('started\n');
for (;;) {
  const settled = await deliverDue({
    pool,
    endpoint: env.BOT_ENDPOINT!,
    secret: env.INTERNAL_WEBHOOK_SECRET!,
    render: renderForTelegram,
    leaseSeconds: Number(env.LEASE_SECONDS),
    now: () => now,
  });
  if (settled === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}
