import pg from 'pg';
import { listen } from '@wb-assist/db/channels';
import type { Logger } from '@wb-assist/logger';
import { createFanout } from './fanout.ts';
import type { ApiPubSub } from './pubsub.ts';
import { TOPIC_NAMES, type Payloads, type Topic } from './topics.ts';

export interface PostgresPubSubOptions {
  connectionString: string;
  logger: Logger;
  /** First and longest wait between reconnect attempts; a PostgreSQL restart takes seconds. */
  backoff?: { initialMs: number; maxMs: number };
}

/**
 * The API's cross-process events over PostgreSQL LISTEN/NOTIFY: one dedicated connection per
 * process listens on every channel and fans out in memory, so a notification the worker
 * stores reaches subscribers on any API process and a thousand subscribers cost no more
 * connections than one. When the connection drops (PostgreSQL restarts, the backend is
 * terminated) it reconnects with backoff and listens again; NOTIFYs sent while it was away
 * are lost (NOTIFY is not durable), so clients re-read state on what they show.
 * Resolves once listening; rejects if the first connection fails.
 */
export async function createPostgresPubSub(options: PostgresPubSubOptions): Promise<ApiPubSub> {
  const { connectionString, logger } = options;
  const backoff = options.backoff ?? { initialMs: 100, maxMs: 5_000 };
  const fanout = createFanout({ logger });
  let listening: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let attempts = 0;
  let closed = false;

  // listen() has checked the payload against its channel's schema and logged and dropped a malformed one.
  const publish = <T extends Topic>(message: { channel: T; payload: Payloads[T] }) =>
    fanout.publish(message.channel, message.payload);

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, keepAlive: true, application_name: 'wb-assist-api-pubsub' });
    let broken = false;
    const lost = (error?: Error) => {
      broken = true;
      if (client !== listening) return;
      listening = null;
      if (closed) return;
      logger.warn({ err: error }, 'pubsub listener connection lost; reconnecting (NOTIFYs until then are missed)');
      client.end().catch(() => undefined);
      schedule();
    };
    // pg throws an unhandled 'error' event at the process without a listener.
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await listen(client, TOPIC_NAMES, { onMessage: publish, logger });
      if (broken) throw new Error('pubsub listener connection ended while starting');
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    listening = client;
  };

  const schedule = () => {
    const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempts);
    attempts += 1;
    // Jitter, so many API processes do not reconnect in the same millisecond after a restart.
    const delay = ceiling / 2 + (Math.random() * ceiling) / 2;
    retry = setTimeout(() => {
      retry = null;
      connecting = connect().then(
        () => {
          if (!closed) logger.info({ attempts }, 'pubsub listener reconnected');
          attempts = 0;
        },
        (error: unknown) => {
          if (closed) return;
          logger.warn({ err: error, attempts }, 'pubsub listener reconnect failed; retrying');
          schedule();
        },
      );
    }, delay);
  };

  await connect();

  return {
    subscribe: (topic, key) => fanout.subscribe(topic, key),
    async close() {
      if (closed) return;
      closed = true;
      if (retry) clearTimeout(retry);
      fanout.endAll();
      await connecting;
      const client = listening;
      listening = null;
      await client?.end().catch(() => undefined);
    },
  };
}
