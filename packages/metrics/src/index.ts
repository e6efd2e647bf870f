import http from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * One registry per process with the specification's metrics. Each app records what it does;
 * Prometheus scrapes GET /metrics.
 */
export function createMetrics(app: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    wbRequests: new Counter({
      name: 'wb_requests_total',
      help: 'WB API answers by method group and HTTP status (timeout/network when none came)',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
    wbRequestDuration: new Histogram({
      name: 'wb_request_duration_seconds',
      help: 'Time to a WB answer by method group',
      labelNames: ['method'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    syncs: new Counter({
      name: 'wb_syncs_total',
      help: 'Cabinet syncs by kind and outcome',
      labelNames: ['kind', 'status'],
      registers: [registry],
    }),
    syncDuration: new Histogram({
      name: 'wb_sync_duration_seconds',
      help: 'Duration of one cabinet sync',
      labelNames: ['kind'],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 180, 600],
      registers: [registry],
    }),
    badRows: new Counter({
      name: 'wb_sync_bad_rows_total',
      help: 'Malformed WB rows skipped (and kept in wb_sync_logs) by source',
      labelNames: ['source'],
      registers: [registry],
    }),
    notifications: new Counter({
      name: 'wb_notifications_total',
      help: 'Notifications by type and outcome (sent, suppressed, failed, retry, blocked; in_doubt: sent again after a send with unknown outcome)',
      labelNames: ['type', 'status'],
      registers: [registry],
    }),
    webhookDuration: new Histogram({
      name: 'wb_webhook_delivery_seconds',
      help: 'Time from receiving the worker webhook to Telegram accepting the message',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: 'db_query_duration_seconds',
      help: 'Time of the queries this process sends through its pg pool',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests served, by route and status code',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route',
      labelNames: ['route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    telegramRequests: new Counter({
      name: 'telegram_requests_total',
      help: 'Bot API calls by method and outcome (ok or Telegram error code)',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

interface QueryablePool {
  query: (...args: never[]) => unknown;
}

/**
 * Times every promise-style query of a pg pool into db_query_duration_seconds. The pool object
 * stays the same, so everything that already holds it is measured.
 */
export function instrumentPool<P extends QueryablePool>(pool: P, metrics: Metrics): P {
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const end = metrics.dbQueryDuration.startTimer();
    const result = original(...args);
    if (result instanceof Promise)
      result.then(
        () => end(),
        () => end(),
      );
    else end();
    return result;
  }) as P['query'];
  return pool;
}

/** A small server for /metrics and /healthz of processes that have no HTTP server of their own. */
export function createMetricsServer(metrics: Metrics, health: () => Promise<boolean>): http.Server {
  return http.createServer((req, res) => {
    if (req.url === '/metrics') {
      metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(body);
        },
        () => {
          res.writeHead(500).end();
        },
      );
      return;
    }
    if (req.url === '/healthz' || req.url === '/readyz') {
      health().then(
        (ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
        },
        () => res.writeHead(503).end(),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not_found' }));
  });
}
