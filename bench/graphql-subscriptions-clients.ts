// The WebSocket side of bench/graphql-subscriptions.ts, in a worker thread: 1,000 graphql-ws
// clients must not share the API's event loop, or the figures would be the clients' cost.
// Receipt times are wall-clock milliseconds with sub-millisecond precision
// (performance.timeOrigin + performance.now()), comparable with the main thread's.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export type ToClients =
  | { type: 'subscribe'; query: string; variables?: Record<string, unknown>; field: string; key: string }
  | { type: 'unsubscribe' }
  | { type: 'dispose' };

export type FromClients =
  | { type: 'connected'; count: number }
  | { type: 'receipts'; receipts: [client: number, key: string, at: number][] }
  | { type: 'error'; message: string }
  | { type: 'disposed' };

const port = parentPort!;
const { wsUrl, tokens } = workerData as { wsUrl: string; tokens: string[] };
const now = () => performance.timeOrigin + performance.now();
const post = (message: FromClients) => port.postMessage(message);

const clients: Client[] = [];
for (let i = 0; i < tokens.length; i += 100) {
  await Promise.all(
    tokens.slice(i, i + 100).map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const client = createClient({
            url: wsUrl,
            webSocketImpl: WebSocket,
            connectionParams: { token },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: reject,
          });
          clients.push(client);
          client.on('connected', () => resolve());
        }),
    ),
  );
}
post({ type: 'connected', count: clients.length });

// Sent in batches so that reporting does not delay receiving; each receipt is timed on arrival.
let pending: [number, string, number][] = [];
const flush = setInterval(() => {
  if (pending.length === 0) return;
  post({ type: 'receipts', receipts: pending });
  pending = [];
}, 20);

let unsubscribes: (() => void)[] = [];
port.on('message', (message: ToClients) => {
  if (message.type === 'subscribe') {
    unsubscribes = clients.map((client, index) =>
      client.subscribe<Record<string, Record<string, unknown>>>(
        { query: message.query, variables: message.variables },
        {
          next: ({ data, errors }) => {
            const at = now();
            if (errors) return post({ type: 'error', message: errors.map((error) => error.message).join('; ') });
            pending.push([index, String(data?.[message.field]?.[message.key] ?? ''), at]);
          },
          error: (error) => post({ type: 'error', message: String(error) }),
          complete: () => undefined,
        },
      ),
    );
  } else if (message.type === 'unsubscribe') {
    for (const unsubscribe of unsubscribes) unsubscribe();
    unsubscribes = [];
  } else {
    clearInterval(flush);
    void Promise.all(clients.map((client) => client.dispose())).then(() => post({ type: 'disposed' }));
  }
});
