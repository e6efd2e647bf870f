import pg from 'pg';
import { listen } from '@wb-assist/db/channels';
import { deliverDue, type DeliveryOptions } from './deliver-due.ts';

export interface DeliveryLoop {
  stop(): Promise<void>;
}

/**
 * Delivers as soon as a sync commits notifications (the notification channel wakes it) and at least every
 * `pollMs` for retries that come due. One pass at a time per process; several processes share
 * the work through the leases in deliverDue.
 */
export async function startDeliveryLoop(
  options: DeliveryOptions & { databaseUrl: string; pollMs?: number; onError?: (error: unknown) => void },
): Promise<DeliveryLoop> {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await deliverDue(options)) > 0) {
            // More may be waiting behind what was just settled (each user's next in line).
          }
        } while (again && !stopped);
      } catch (error) {
        options.onError?.(error);
      } finally {
        running = undefined;
      }
    })();
  };

  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('error', (error) => options.onError?.(error));
  await listener.connect();
  await listen(listener, ['notification'], {
    onMessage: pass,
    logger: { warn: (entry, message) => options.log?.(entry, message) },
  });
  const timer = setInterval(pass, options.pollMs ?? 1_000);
  pass();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await listener.end().catch(() => undefined);
    },
  };
}
