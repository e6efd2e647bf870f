import { afterEach, describe, expect, it } from 'vitest';
import { startForTest, token } from './test-helpers.ts';
import type { TelegramFake } from './server.ts';

let fake: TelegramFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

// Limits are lifted unless a test is about them, so tests can send freely.
async function start(limits = { perChatPerSecond: 1000, globalPerSecond: 1000 }) {
  const started = await startForTest({ limits });
  fake = started.fake;
  return started;
}

const keyboard = { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] };

describe('Bot API methods', () => {
  it('answers getMe, and 401 for an unknown token', async () => {
    const { fake, call } = await start();
    expect((await call('getMe')).body).toEqual({
      ok: true,
      result: { id: 42, is_bot: true, first_name: 'WB Assist', username: 'wb_assist_fake_bot' },
    });
    const response = await fetch(`${fake.url}/botnope/getMe`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('records sendMessage and sendPhoto and returns Message objects', async () => {
    const { fake, call } = await start();
    const sent = await call('sendMessage', {
      chat_id: 7,
      text: '<b>hi</b>',
      parse_mode: 'HTML',
      reply_markup: keyboard,
    });
    expect(sent.body.result).toMatchObject({
      message_id: 1,
      from: { id: 42, is_bot: true },
      chat: { id: 7, type: 'private', first_name: 'User 7', username: 'user7' },
      text: '<b>hi</b>',
      reply_markup: keyboard,
    });
    expect(sent.body.result.date).toBeTypeOf('number');
    const form = await fetch(`${fake.url}/bot${token}/sendPhoto`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '7', photo: 'https://example.com/p.jpg', caption: 'pic' }),
    });
    const photo = (
      (await form.json()) as { result: { message_id: number; caption: string; photo: { file_id: string }[] } }
    ).result;
    expect(photo.message_id).toBe(2);
    expect(photo.caption).toBe('pic');
    expect(photo.photo[0]?.file_id).toBeTypeOf('string');
    expect(fake.control.calls().map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(fake.control.messagesTo(7)).toHaveLength(2);
  });

  it('rejects over-long text and caption and unbalanced HTML with 400', async () => {
    const { call } = await start();
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4096) })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    const caption = await call('sendPhoto', { chat_id: 1, photo: 'id', caption: 'x'.repeat(1025) });
    expect(caption.body.description).toBe('Bad Request: message caption is too long');
    const unreachable = await call('sendPhoto', { chat_id: 1, photo: 'https://basket-01.wb.invalid/1.webp' });
    expect(unreachable.body.description).toBe('Bad Request: failed to get HTTP URL content');
    const html = await call('sendMessage', { chat_id: 1, text: '<b>open', parse_mode: 'HTML' });
    expect(html.status).toBe(400);
    expect(html.body.description).toMatch(/^Bad Request: can't parse entities: /);
  });

  it('answers 403 for a blocked chat until it is unblocked', async () => {
    const { fake, call } = await start();
    fake.control.blockChat(5);
    expect((await call('sendMessage', { chat_id: 5, text: 'hi' })).body).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    fake.control.unblockChat(5);
    expect((await call('sendMessage', { chat_id: 5, text: 'hi' })).status).toBe(200);
  });

  it('edits and deletes messages with Telegram semantics', async () => {
    const { fake, call } = await start();
    const { message_id } = (await call('sendMessage', { chat_id: 3, text: 'a', reply_markup: keyboard })).body.result;
    const same = await call('editMessageText', { chat_id: 3, message_id, text: 'a', reply_markup: keyboard });
    expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
    const edited = await call('editMessageText', { chat_id: 3, message_id, text: 'b', reply_markup: keyboard });
    expect(edited.body.result).toMatchObject({ message_id, text: 'b', reply_markup: keyboard });
    expect(edited.body.result.edit_date).toBeTypeOf('number');
    const unmarked = await call('editMessageReplyMarkup', { chat_id: 3, message_id });
    expect(unmarked.body.result.reply_markup).toBeUndefined();
    const missing = await call('editMessageText', { chat_id: 3, message_id: 99, text: 'c' });
    expect(missing.body.description).toBe('Bad Request: message to edit not found');
    expect((await call('deleteMessage', { chat_id: 3, message_id })).body).toEqual({ ok: true, result: true });
    expect(fake.control.messagesTo(3)).toEqual([]);
    expect((await call('editMessageCaption', { chat_id: 3, message_id: 99, caption: 'c' })).body.description).toBe(
      'Bad Request: message to edit not found',
    );
    expect((await call('deleteMessage', { chat_id: 3, message_id })).body.description).toBe(
      'Bad Request: message to delete not found',
    );
  });
});

describe('rate limits', () => {
  it('allows one message per second to a chat, then 429 with retry_after', async () => {
    const { call } = await start({ perChatPerSecond: 1, globalPerSecond: 30 });
    expect((await call('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    const limited = await call('sendMessage', { chat_id: 1, text: 'b' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect((await call('sendMessage', { chat_id: 2, text: 'c' })).status).toBe(200);
  });

  it('allows 30 messages per second overall', async () => {
    const { call } = await start({ perChatPerSecond: 1, globalPerSecond: 30 });
    for (let chat = 1; chat <= 30; chat++)
      expect((await call('sendMessage', { chat_id: chat, text: 'a' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 31, text: 'a' })).body.parameters).toEqual({ retry_after: 1 });
  });

  it('lets sending resume after the (scaled) second', async () => {
    const started = await startForTest({ limits: { timeScale: 0.1 } });
    fake = started.fake;
    expect((await started.call('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    expect((await started.call('sendMessage', { chat_id: 1, text: 'b' })).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect((await started.call('sendMessage', { chat_id: 1, text: 'c' })).status).toBe(200);
  });

  it('edits a photo’s caption, and only a photo’s', async () => {
    const { call } = await start();
    const photo = 'https://example.com/1.webp';
    const sent = await call('sendPhoto', { chat_id: 3, photo, caption: '<b>a</b>', parse_mode: 'HTML' });
    const { message_id } = sent.body.result;
    const edited = await call('editMessageCaption', { chat_id: 3, message_id, caption: 'b', reply_markup: keyboard });
    expect(edited.body.result).toMatchObject({ message_id, caption: 'b', reply_markup: keyboard });
    expect(edited.body.result.photo).toHaveLength(2);
    const same = await call('editMessageCaption', { chat_id: 3, message_id, caption: 'b', reply_markup: keyboard });
    expect(same.body.description).toMatch(/^Bad Request: message is not modified/);
    const long = await call('editMessageCaption', { chat_id: 3, message_id, caption: 'x'.repeat(1025) });
    expect(long.body.description).toBe('Bad Request: message caption is too long');
    const text = (await call('sendMessage', { chat_id: 3, text: 'a' })).body.result;
    const wrong = await call('editMessageCaption', { chat_id: 3, message_id: text.message_id, caption: 'b' });
    expect(wrong.body.description).toBe('Bad Request: there is no caption in the message to edit');
  });
});
