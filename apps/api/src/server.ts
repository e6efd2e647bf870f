import http from 'node:http';
import type pg from 'pg';
import type { Logger } from '@wb-assist/logger';
import { healthReport } from './health.ts';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function createApiServer({ pool, logger }: { pool: pg.Pool; logger: Logger }): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') {
      healthReport(pool).then(
        (report) => sendJson(res, report.status === 'ok' ? 200 : 503, report),
        (error: unknown) => {
          logger.error({ err: error }, 'health check failed');
          sendJson(res, 500, { status: 'error' });
        },
      );
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${url.pathname}` });
  });
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
