import { afterEach, describe, expect, it } from 'vitest';
import { startForTest } from './test-helpers.ts';
import type { TelegramFake } from './server.ts';

let fake: TelegramFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

// The real limits are lifted so that every 429 seen here is an injected one.
async function start() {
  const started = await startForTest({ limits: { perChatPerSecond: 1000, globalPerSecond: 1000 } });
  fake = started.fake;
  return started;
}

describe('injected 429s (flood control on demand)', () => {
  it('refuses the next N sends of any chat with retry_after, then sends again', async () => {
    const { fake, call } = await start();
    fake.control.failNextSends(2, 7);
    const refused = await call('sendMessage', { chat_id: 1, text: 'a' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    const photo = await call('sendPhoto', { chat_id: 2, photo: 'https://example.com/p.jpg', caption: 'b' });
    expect(photo.body.parameters).toEqual({ retry_after: 7 });
    expect((await call('sendMessage', { chat_id: 1, text: 'c' })).status).toBe(200);
    // Nothing refused was stored: the chat shows only what Telegram accepted.
    expect(fake.control.messagesTo(1).map((m) => m.text)).toEqual(['c']);
    expect(fake.control.messagesTo(2)).toEqual([]);
    expect(fake.control.calls().map((c) => c.response.ok)).toEqual([false, false, true]);
  });

  it('leaves edits and other methods alone', async () => {
    const { fake, call } = await start();
    const { message_id } = (await call('sendMessage', { chat_id: 3, text: 'a' })).body.result;
    fake.control.failNextSends(1, 2);
    expect((await call('editMessageText', { chat_id: 3, message_id, text: 'b' })).status).toBe(200);
    expect((await call('getMe')).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 3, text: 'c' })).status).toBe(429);
  });

  it('is driven over the control API too, and cleared by reset', async () => {
    const { fake, call } = await start();
    const post = (path: string, body: unknown) =>
      fetch(`${fake.url}/__control/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('fail-sends', { count: 5, retry_after: 3 })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 4, text: 'a' })).body.parameters).toEqual({ retry_after: 3 });
    await post('reset', {});
    expect((await call('sendMessage', { chat_id: 4, text: 'b' })).status).toBe(200);
    expect((await post('fail-sends', { count: -1 })).status).toBe(400);
  });
});
