import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBody, type BodyRead } from './read-body.ts';

// A real server and real client sockets: what readBody sees is what Node's HTTP parser gives it.

const LIMIT = 1_000;
let server: http.Server;
let url: string;
/** What readBody gave the server for each request, in order of arrival. */
let reads: Promise<BodyRead>[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const read = readBody(req, LIMIT);
    reads.push(read);
    void read.then((result) => {
      if (result.ok) res.end(`ok ${result.body.length}`);
      else res.writeHead(413, { connection: 'close' }).end(result.reason);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends the pieces (chunked when no length is given) and gives what the server read. */
async function send(pieces: Buffer[], headers: http.OutgoingHttpHeaders = {}): Promise<BodyRead> {
  reads = [];
  const request = http.request(url, { method: 'POST', headers });
  // The server may answer and close before the whole body went out: that is the point.
  request.on('error', () => {});
  request.on('response', (response) => response.resume());
  for (const piece of pieces) request.write(piece);
  request.end();
  return (await arrival()).read;
}

/** Once the server has the request: its read, still running (wrapped, so awaiting this does not wait for it). */
async function arrival(): Promise<{ read: Promise<BodyRead> }> {
  const deadline = Date.now() + 5_000;
  while (reads.length === 0) {
    if (Date.now() > deadline) throw new Error('the server never got the request');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { read: reads[0]! };
}

it('reads a body of exactly the limit, by its length or chunked, whole', async () => {
  // A Russian letter is two bytes; pieces cut through one must still join into the same bytes.
  const body = Buffer.from('я'.repeat(LIMIT / 2));
  const pieces = [body.subarray(0, 333), body.subarray(333, 667), body.subarray(667)];
  const declared = await send(pieces, { 'content-length': LIMIT });
  expect(declared).toEqual({ ok: true, body });
  const chunked = await send(pieces);
  expect(chunked).toEqual({ ok: true, body });
  expect(chunked.ok && chunked.body.toString('utf8')).toBe('я'.repeat(LIMIT / 2));
});

it('reads an empty body', async () => {
  expect(await send([], { 'content-length': 0 })).toEqual({ ok: true, body: Buffer.alloc(0) });
});

it('refuses a body declared over the limit before any of it arrives', async () => {
  reads = [];
  const request = http.request(url, { method: 'POST', headers: { 'content-length': LIMIT + 1 } });
  request.on('error', () => {});
  const answered = new Promise<number>((resolve) =>
    request.on('response', (response) => resolve(response.statusCode!)),
  );
  // Only the headers go out: the answer must not wait for a body the server will not take.
  request.flushHeaders();
  expect(await (await arrival()).read).toEqual({ ok: false, reason: 'too_large' });
  expect(await answered).toBe(413);
  request.destroy();
});

it('refuses a chunked body as soon as it passes the limit', async () => {
  expect(await send([Buffer.alloc(LIMIT), Buffer.alloc(1)])).toEqual({ ok: false, reason: 'too_large' });
});

it('says aborted when the client goes away mid-body', async () => {
  reads = [];
  const request = http.request(url, { method: 'POST', headers: { 'content-length': LIMIT } });
  request.on('error', () => {});
  request.write(Buffer.alloc(10));
  const { read } = await arrival();
  request.destroy();
  expect(await read).toEqual({ ok: false, reason: 'aborted' });
});
