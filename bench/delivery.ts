// node bench/delivery.ts
// Targets (issue #5): from the commit of a sync to the webhook request arriving, p50 < 100 ms
// and p99 < 500 ms at 100 events/s; >= 500 deliveries/s to a fast local endpoint.
// The sync's own writeEvents commits the events (outbox, fan-out, NOTIFY); the worker's
// delivery loop (LISTEN + leases) posts them, signed, to a local endpoint that answers at once.
import http from 'node:http';
import os from 'node:os';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { startDeliveryLoop, SIGNATURE_HEADER, verify, type BotDelivery, type Renderer } from '@wb-assist/delivery';
import {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from '@wb-assist/db/testing';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';
import { writeEvents } from '../packages/sync/src/events/outbox.ts';

const SECRET = 'bench-secret-bench-secret-bench-secret';
const USERS = 200;
const render: Renderer = (events) => [
  { text: `${events.length} событий`, photoUrl: null, parseMode: 'HTML', buttons: [] },
];

const server = await startTestServer();
const template = await createTemplateDatabase(server.adminUrl);
const dbName = uniqueDatabaseName('wb_bench_delivery');
const url = await createDatabase(server.adminUrl, dbName, template);
const pool = new pg.Pool({ connectionString: url, max: 12 });

const arrivals = new Map<string, number>();
let received = 0;
let messages = 0;
let refused = 0;
const endpoint = http.createServer((req, res) => {
  // Read whole, then decoded: a Russian character split between two network chunks stays whole.
  void text(req).then((body) => {
    if (!verify(SECRET, body, req.headers[SIGNATURE_HEADER] as string | undefined).ok) {
      refused += 1;
      return void res.writeHead(401).end();
    }
    const delivery = JSON.parse(body) as BotDelivery;
    for (const event of delivery.events) arrivals.set(event.eventKey, performance.now());
    received += delivery.notificationIds.length;
    messages += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"sent"}');
  });
});
await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
const endpointUrl = `http://127.0.0.1:${(endpoint.address() as { port: number }).port}/internal/notifications`;

/** One cabinet per user, so each event goes to one chat and chats are served in parallel. */
const cabinets: string[] = [];
for (let i = 0; i < USERS; i += 1) {
  const { rows } = await pool.query<{ id: string }>(
    `WITH u AS (INSERT INTO users (telegram_id) VALUES ($1) RETURNING id),
          c AS (INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
                VALUES ($2, 'bench', 'v1:x:y:z', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id),
          m AS (INSERT INTO cabinet_users (cabinet_id, user_id) SELECT c.id, u.id FROM c, u)
     SELECT id FROM c`,
    [10_000 + i, `bench-seller-${i}`],
  );
  cabinets.push(rows[0]!.id);
}
const { rows: logs } = await pool.query<{ id: string }>(
  `INSERT INTO wb_sync_logs (cabinet_id, kind) VALUES ($1, 'periodic') RETURNING id`,
  [cabinets[0]],
);
const syncLogId = logs[0]!.id;

const loop = await startDeliveryLoop({
  pool,
  databaseUrl: url,
  endpoint: endpointUrl,
  secret: SECRET,
  render,
  limit: USERS,
});

async function commitEvent(n: number, commits: Map<string, number>) {
  const cabinetId = cabinets[n % USERS]!;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await writeEvents(client, cabinetId, syncLogId, [
      {
        type: 'new_order',
        identity: `srid-${n}`,
        occurredAt: new Date(),
        payload: { ...SAMPLE_PAYLOADS.new_order, srid: `srid-${n}` },
      },
    ]);
    await client.query('COMMIT');
    commits.set(`${cabinetId}:new_order:srid-${n}`, performance.now());
  } finally {
    client.release();
  }
}

const waitUntil = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
};

// 1. Latency at a steady 100 events/s for 20 s.
const commits = new Map<string, number>();
const RATE = 100;
const SECONDS = 20;
const started = performance.now();
for (let n = 0; n < RATE * SECONDS; n += 1) {
  const due = started + (n * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  void commitEvent(n, commits);
}
await waitUntil(() => arrivals.size >= RATE * SECONDS, 30_000);
const latencies = [...commits].map(([key, at]) => (arrivals.get(key) ?? Number.NaN) - at).sort((a, b) => a - b);
const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
const lost = latencies.filter((value) => Number.isNaN(value)).length;

// 2. Throughput: 10,000 notifications waiting (50 per user), drained as fast as it goes. Each
// sync gives a user at most 5 of a type, so nothing is grouped: every one is its own message.
const BACKLOG = 10_000;
await loop.stop();
const backlogLogs: string[] = [];
for (let i = 0; i < BACKLOG / 1000; i += 1) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO wb_sync_logs (cabinet_id, kind) VALUES ($1, 'periodic') RETURNING id`,
    [cabinets[0]],
  );
  backlogLogs.push(rows[0]!.id);
}
const before = received;
const messagesBefore = messages;
for (let start = 0; start < BACKLOG; start += 500) {
  const client = await pool.connect();
  await client.query('BEGIN');
  for (let n = start; n < start + 500; n += 1) {
    await writeEvents(client, cabinets[n % USERS]!, backlogLogs[Math.floor(n / 1000)]!, [
      {
        type: 'buyout',
        identity: `S-${n}`,
        occurredAt: new Date(Date.now() + n),
        payload: { ...SAMPLE_PAYLOADS.buyout, saleId: `S-${n}` },
      },
    ]);
  }
  await client.query('COMMIT');
  client.release();
}
const drainStart = performance.now();
const drain = await startDeliveryLoop({
  pool,
  databaseUrl: url,
  endpoint: endpointUrl,
  secret: SECRET,
  render,
  limit: USERS,
});
await waitUntil(() => received - before >= BACKLOG, 120_000);
const drainSeconds = (performance.now() - drainStart) / 1000;
await drain.stop();

console.log(`machine: ${os.cpus().length} cores; PostgreSQL at ${new URL(server.adminUrl).host}; ${USERS} chats`);
console.log(
  `commit → webhook at ${RATE} events/s for ${SECONDS} s: n=${latencies.length}, p50 ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms, lost ${lost}`,
);
console.log(
  `targets: p50 < 100 ms ${pct(0.5) < 100 ? 'met' : 'NOT met'}, p99 < 500 ms ${pct(0.99) < 500 ? 'met' : 'NOT met'}`,
);
console.log(
  `backlog of ${BACKLOG}: ${messages - messagesBefore} messages delivered in ${drainSeconds.toFixed(1)} s = ${((messages - messagesBefore) / drainSeconds).toFixed(0)} deliveries/s (target >= 500: ${(messages - messagesBefore) / drainSeconds >= 500 ? 'met' : 'NOT met'}); refused signatures: ${refused}`,
);

await pool.end();
await new Promise((resolve) => endpoint.close(resolve));
await dropDatabase(server.adminUrl, dbName);
await dropDatabase(server.adminUrl, template);
await server.stop();
