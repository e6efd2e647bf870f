import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startForTest } from './test-helpers.ts';
import type { TelegramFake } from './server.ts';
import type { Message, RecordedCall, Update } from './types.ts';

let fake: TelegramFake | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start() {
  // A fake second of 50 ms keeps long-poll timeouts short.
  const started = await startForTest({ limits: { timeScale: 0.05, perChatPerSecond: 1000 } });
  fake = started.fake;
  return started;
}

/** A webhook receiver that fails its first `failures` requests, as a flaky bot would. */
async function startReceiver(failures = 0) {
  const received: { headers: IncomingHttpHeaders; body: Update }[] = [];
  let remaining = failures;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (remaining-- > 0) return void res.writeHead(500).end();
    received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString()) });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

describe('updates', () => {
  it('serves injected messages through getUpdates; an offset acknowledges earlier ones', async () => {
    const { fake, call } = await start();
    fake.control.injectMessage(9, '/start', { first_name: 'Anna', username: 'anna' });
    fake.control.injectMessage(9, 'second');
    const first = await call<Update[]>('getUpdates');
    expect(first.body.result).toHaveLength(2);
    expect(first.body.result[0]).toMatchObject({
      update_id: 1,
      message: {
        message_id: 1,
        from: { id: 9, is_bot: false, first_name: 'Anna', username: 'anna' },
        chat: { id: 9, type: 'private', first_name: 'Anna', username: 'anna' },
        text: '/start',
      },
    });
    const rest = await call<Update[]>('getUpdates', { offset: 2 });
    expect(rest.body.result.map((u) => u.update_id)).toEqual([2]);
    expect((await call<Update[]>('getUpdates', { offset: 3 })).body.result).toEqual([]);
  });

  it('long-polls until an update arrives or the timeout passes', async () => {
    const { fake, call } = await start();
    const startedAt = Date.now();
    expect((await call<Update[]>('getUpdates', { timeout: 2 })).body.result).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(90);

    const polling = call<Update[]>('getUpdates', { timeout: 100 });
    setTimeout(() => fake.control.injectMessage(1, 'hello'), 20);
    expect((await polling).body.result[0]?.message?.text).toBe('hello');
  });

  it('delivers callback queries for button presses and accepts one answer', async () => {
    const { fake, call } = await start();
    const sent = (await call('sendMessage', { chat_id: 4, text: 'Pick', reply_markup: { inline_keyboard: [] } })).body
      .result;
    const queryId = fake.control.injectCallback(4, sent.message_id, 'pick:1');
    const [update] = (await call<Update[]>('getUpdates')).body.result;
    expect(update?.callback_query).toEqual({
      id: queryId,
      from: { id: 4, is_bot: false, first_name: 'User 4', username: 'user4' },
      message: sent,
      chat_instance: expect.any(String),
      data: 'pick:1',
    });
    expect((await call('answerCallbackQuery', { callback_query_id: queryId, text: 'Done' })).body).toEqual({
      ok: true,
      result: true,
    });
    expect((await call('answerCallbackQuery', { callback_query_id: queryId })).status).toBe(400);
  });

  it('posts updates to the webhook with the secret header, retrying failures', async () => {
    const { fake, call } = await start();
    const receiver = await startReceiver(1);
    expect((await call('setWebhook', { url: receiver.url, secret_token: 's3cret' })).body.result).toBe(true);
    fake.control.injectMessage(2, 'via hook');
    await fake.control.webhookIdle();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('s3cret');
    expect(receiver.received[0]?.body.message?.text).toBe('via hook');
  });

  it('answers 409 to getUpdates while a webhook is set, until deleteWebhook', async () => {
    const { call } = await start();
    const receiver = await startReceiver();
    await call('setWebhook', { url: receiver.url });
    expect((await call<Update[]>('getUpdates')).body).toEqual({
      ok: false,
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await call('deleteWebhook');
    expect((await call<Update[]>('getUpdates')).status).toBe(200);
  });

  it('exposes calls and messages over the control API', async () => {
    const { fake, call } = await start();
    await call('sendMessage', { chat_id: 8, text: 'hi' });
    const messages = (await (await fetch(`${fake.url}/__control/messages?chat_id=8`)).json()) as Message[];
    expect(messages).toMatchObject([{ text: 'hi' }]);
    const injected = await fetch(`${fake.url}/__control/inject-message`, {
      method: 'POST',
      body: JSON.stringify({ chat_id: 8, text: '/help' }),
    });
    expect(injected.status).toBe(200);
    expect((await call<Update[]>('getUpdates')).body.result[0]?.message?.text).toBe('/help');
    const calls = (await (await fetch(`${fake.url}/__control/calls`)).json()) as RecordedCall[];
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'getUpdates']);
  });
});
