import http from 'node:http';
import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import { createMetrics, type Metrics } from '@wb-assist/metrics';
import type { ApiServices } from './context.ts';
import { healthReport } from './health.ts';
import { readBody } from '@wb-assist/http';
import { attachWebSocket } from './ws.ts';
import { EXPORT_PATH, handleExport } from './export/route.ts';
import { createApiYoga, GRAPHQL_PATH } from './yoga.ts';

/**
 * The largest GraphQL request body taken, and the largest WebSocket message. The longest
 * query armor lets through (2,000 tokens) is tens of kilobytes; the rest is variables, and no
 * mutation of ours takes a megabyte.
 */
export const MAX_GRAPHQL_BODY_BYTES = 1_048_576;

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
      if (req.method !== 'POST') {
        void yoga.requestListener(req, res);
        return;
      }
      // The body is read here, whole, rather than by yoga: yoga's own size limit streams every
      // body through a TransformStream, and the stream pipeline it sets up throws an AbortError
      // (a DOMException with its stack) on every finished request. For a page of 50 orders that
      // was ~10% of the API's CPU beyond Prisma's own work. whatwg-node takes a body already read
      // as `req.body`.
      void readBody(req, MAX_GRAPHQL_BODY_BYTES).then((read) => {
        if (read.ok) {
          (req as http.IncomingMessage & { body?: Buffer }).body = read.body;
          void yoga.requestListener(req, res);
        } else if (read.reason === 'too_large') {
          res.setHeader('connection', 'close');
          sendJson(res, 413, {
            errors: [
              {
                message: `Request body too large (over ${MAX_GRAPHQL_BODY_BYTES} bytes)`,
                extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' },
              },
            ],
          });
        }
      });
      return;
    }
    if (graphql && req.method === 'GET' && url.pathname.startsWith(EXPORT_PATH)) {
      handleExport(req, res, graphql, url).catch((error: unknown) => {
        logger.error({ err: error }, 'export failed');
        if (!res.headersSent) sendJson(res, 500, { status: 'error' });
        else res.destroy();
      });
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${url.pathname}` });
  });
  const sockets =
    yoga && graphql ? attachWebSocket(server, yoga, graphql, { maxPayload: MAX_GRAPHQL_BODY_BYTES }) : null;
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
