import http from 'node:http';
import type net from 'node:net';
import { text } from 'node:stream/consumers';
import { BOT_NOTIFY_PATH, SIGNATURE_HEADER, verify, type BotDelivery } from '@wb-assist/delivery';

/** A stand-in for the bot's notification endpoint, for tests of the worker's delivery. */
export interface SignedBot {
  /** What to give the worker as BOT_INTERNAL_URL. */
  url: string;
  /** Every delivery that arrived signed, in order. */
  received: BotDelivery[];
  /** Requests refused: the path and why the signature failed. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Checks each request's signature as the bot does and answers "sent"; `onDelivery` sees each
 * accepted delivery as it arrives.
 */
export async function startSignedBot(secret: string, onDelivery?: (delivery: BotDelivery) => void): Promise<SignedBot> {
  const received: BotDelivery[] = [];
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    // Read whole, then decoded: a Russian character split between two network chunks stays whole.
    void text(req).then((body) => {
      const verdict = verify(secret, body, req.headers[SIGNATURE_HEADER] as string | undefined);
      if (req.url !== BOT_NOTIFY_PATH || !verdict.ok) {
        refused.push(`${req.url} ${verdict.ok ? '' : verdict.reason}`);
        return void res.writeHead(401).end();
      }
      const delivery = JSON.parse(body) as BotDelivery;
      received.push(delivery);
      onDelivery?.(delivery);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'sent' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
