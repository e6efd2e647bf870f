// The load side of bench/graphql-orders.ts, in a worker thread, so that the load generator's
// own work does not share the API's event loop. Two generators:
// - paced: one request every 1000/rate ms (open loop), as the raw Prisma reference is issued,
//   over up to 40 keep-alive connections, latency from when it was due (as the reference);
// - autocannon: its `overallRate` releases each connection's share at the start of every
//   second (40 connections x 5 back-to-back requests), so the load comes in bursts of 40.
//   Its coordinated-omission correction is off: with a per-connection rate of 5/s it assumes
//   a 1 ms expected interval (Math.ceil(1 / rate)) and would fill the histogram with
//   synthetic samples.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { openLoop } from './open-loop.ts';

export interface LoadOptions {
  generator: 'paced' | 'autocannon';
  url: string;
  body: string;
  /** Integrator tokens, used in turn: the API's rate limit is per token. */
  tokens: string[];
  rate: number;
  seconds: number;
}

export interface LoadResult {
  /** Sorted latencies in ms of the answers that passed the check, each from when it was due. */
  latencies: number[];
  /** The same from when this thread sent it (paced only); differs when this thread ran late. */
  issued?: number[];
  requests: number;
  /** How busy this thread's event loop was (paced only): the load's own share of the CPU. */
  busy?: number;
  /** Answers that were not 200 with a full page of 50 orders and no errors, or failed. */
  failures: number;
}

const options = workerData as LoadOptions;

/** A full page: 50 orders and no errors (a rate-limited or failed answer is not). */
const fullPage = (text: string) => !text.includes('"errors"') && (text.match(/"cursor"/g)?.length ?? 0) === 50;

// node:http with keep-alive rather than fetch: fetch costs the client several times more CPU,
// which on a small machine is taken from the API under test.
const agent = new http.Agent({ keepAlive: true, maxSockets: options.tokens.length });
const target = new URL(options.url);

/** The answer, and when its last byte arrived: the check of its content is not the API's time. */
function post(token: string): Promise<{ status: number; text: string; end: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(options.body),
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text, end: performance.now() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

async function paced(): Promise<LoadResult> {
  const before = performance.eventLoopUtilization();
  const { due, issued, failures } = await openLoop(options.rate, options.seconds, (n) =>
    post(options.tokens[n % options.tokens.length]!).then(
      ({ status, text, end }) => (status === 200 && fullPage(text) ? end : null),
      () => null,
    ),
  );
  return {
    latencies: due,
    issued,
    requests: options.rate * options.seconds,
    failures,
    busy: performance.eventLoopUtilization(before).utilization,
  };
}

async function withAutocannon(): Promise<LoadResult & { p50: number; p99: number; max: number }> {
  let next = 0;
  const settings = {
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.body,
    connections: options.tokens.length,
    overallRate: options.rate,
    duration: options.seconds,
    ignoreCoordinatedOmission: true,
    setupClient: (client) =>
      client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${options.tokens[next++]}` }),
    verifyBody: (raw) => fullPage(String(raw ?? '')),
  } satisfies autocannon.Options;
  const raw = await autocannon(settings);
  // Off the main thread autocannon answers raw histograms (for its own aggregation across
  // workers); aggregateResult, documented but not in @types/autocannon, makes the figures.
  const { aggregateResult } = autocannon as unknown as {
    aggregateResult(results: unknown[], options: autocannon.Options): autocannon.Result;
  };
  const result = aggregateResult([raw], settings);
  return {
    latencies: [],
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  };
}

parentPort!.postMessage(options.generator === 'paced' ? await paced() : await withAutocannon());
