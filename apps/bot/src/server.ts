import http from 'node:http';
import { BOT_NOTIFY_PATH, MAX_DELIVERY_BYTES, SIGNATURE_HEADER } from '@wb-assist/delivery';
import { readBody } from '@wb-assist/http';
import type { Logger } from '@wb-assist/logger';
import type { Metrics } from '@wb-assist/metrics';
import type { EndpointResult } from './notify/notification-endpoint.ts';

export interface BotServerOptions {
  logger: Logger;
  metrics: Metrics;
  notify: (body: string, signature: string | undefined) => Promise<EndpointResult>;
  /** Liveness (/healthz): the process and its database. */
  health: () => Promise<boolean>;
  /** Whether Telegram has answered the start-up calls; /readyz says 503 until then. */
  telegramReady: () => boolean;
  /** Telegram's webhook: its path, and its handler once registered with Telegram. */
  telegramWebhook?: {
    path: string;
    handle: () => ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The bot's HTTP side: the worker's signed notifications, Telegram's webhook, health and metrics. */
export function createBotServer(options: BotServerOptions): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bot').pathname;
    const fail = (error: unknown) => {
      options.logger.error({ err: error }, 'bot request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'internal error' });
    };
    if (req.method === 'POST' && path === BOT_NOTIFY_PATH) {
      readBody(req, MAX_DELIVERY_BYTES)
        .then(async (read) => {
          // The worker went away mid-body: nobody is left to answer.
          if (!read.ok && read.reason === 'aborted') return;
          if (!read.ok) {
            // Answered, then closed: the rest of the body is not read, and the worker sees why.
            res.setHeader('connection', 'close');
            return sendJson(res, 413, { error: 'too_large', message: 'body over 1 MB' });
          }
          const signature = req.headers[SIGNATURE_HEADER];
          const body = read.body.toString('utf8');
          const result = await options.notify(body, typeof signature === 'string' ? signature : undefined);
          sendJson(res, result.status, result.body);
        })
        .catch(fail);
      return;
    }
    if (req.method === 'POST' && options.telegramWebhook && path === options.telegramWebhook.path) {
      const handle = options.telegramWebhook.handle();
      // Telegram sends the update again later; by then the bot has registered.
      if (!handle)
        return sendJson(res, 503, { error: 'starting', message: 'the bot is not connected to Telegram yet' });
      handle(req, res);
      return;
    }
    if (req.method === 'GET' && (path === '/healthz' || path === '/readyz')) {
      const needsTelegram = path === '/readyz';
      options.health().then(
        (ok) => {
          if (!ok) return sendJson(res, 503, { status: 'unavailable' });
          if (needsTelegram && !options.telegramReady())
            return sendJson(res, 503, { status: 'connecting_to_telegram' });
          sendJson(res, 200, { status: 'ok' });
        },
        () => sendJson(res, 503, { status: 'unavailable' }),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics') {
      options.metrics.registry.metrics().then((body) => {
        res.writeHead(200, { 'content-type': options.metrics.registry.contentType });
        res.end(body);
      }, fail);
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${path}` });
  });
}
