import http from 'node:http';
import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import { createMetrics, type Metrics } from '@wb-assist/metrics';
import type { ApiServices } from './context.ts';
import { healthReport } from './health.ts';
import { attachWebSocket } from './ws.ts';
import { createApiYoga, GRAPHQL_PATH } from './yoga.ts';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export interface ApiApp {
  server: http.Server;
  /** Closes WebSocket clients, so that server.close() can finish. */
  closeSockets: () => Promise<void>;
}

/**
 * /healthz and /readyz (the database answers and is migrated), /metrics, and GraphQL over HTTP
 * and WebSocket at /graphql when given its services.
 */
export function createApiApp({
  pool,
  logger,
  graphql,
  metrics = createMetrics('api'),
}: {
  pool: pg.Pool;
  logger: Logger;
  graphql?: ApiServices;
  metrics?: Metrics;
}): ApiApp {
  const yoga = graphql ? createApiYoga(graphql) : null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = url.pathname === GRAPHQL_PATH ? 'graphql' : url.pathname === '/metrics' ? 'metrics' : 'other';
    const stopTimer = metrics.httpDuration.startTimer({ route });
    res.once('finish', () => {
      stopTimer();
      metrics.httpRequests.inc({ route, status: String(res.statusCode) });
    });
    if (req.method === 'GET' && url.pathname === '/metrics') {
      metrics.registry.metrics().then(
        (body) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(body);
        },
        () => sendJson(res, 500, { status: 'error' }),
      );
      return;
    }
    if (req.method === 'GET' && (url.pathname === '/healthz' || url.pathname === '/readyz')) {
      healthReport(pool).then(
        (report) => sendJson(res, report.status === 'ok' ? 200 : 503, report),
        (error: unknown) => {
          logger.error({ err: error }, 'health check failed');
          sendJson(res, 500, { status: 'error' });
        },
      );
      return;
    }
    if (yoga && url.pathname === GRAPHQL_PATH) {
      void yoga.requestListener(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${url.pathname}` });
  });
  const sockets = yoga && graphql ? attachWebSocket(server, yoga, graphql) : null;
  return { server, closeSockets: async () => sockets?.close() };
}

export function createApiServer(options: { pool: pg.Pool; logger: Logger; graphql?: ApiServices }): http.Server {
  return createApiApp(options).server;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
