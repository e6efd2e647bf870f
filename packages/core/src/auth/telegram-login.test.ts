import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyTelegramLogin } from './telegram-login.ts';

const BOT_TOKEN = '123456:AAtest-bot-token-for-login-checks';
const NOW = new Date('2026-11-28T12:00:00Z');

function signed(fields: Record<string, string>, token = BOT_TOKEN): Record<string, string> {
  const checkString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const hash = createHmac('sha256', createHash('sha256').update(token).digest()).update(checkString).digest('hex');
  return { ...fields, hash };
}

const authDate = String(Math.floor(NOW.getTime() / 1000) - 60);

describe('verifyTelegramLogin', () => {
  it('accepts what the widget signed and returns the user', () => {
    const result = verifyTelegramLogin(
      signed({ id: '42', first_name: 'Анна', username: 'anna', auth_date: authDate }),
      {
        botToken: BOT_TOKEN,
        now: NOW,
      },
    );
    expect(result).toEqual({
      ok: true,
      user: { telegramId: 42n, username: 'anna', firstName: 'Анна', lastName: null, photoUrl: null },
    });
  });

  it('refuses a changed field, another bot’s signature, a day-old login and missing fields', () => {
    const good = signed({ id: '42', first_name: 'Анна', auth_date: authDate });
    expect(verifyTelegramLogin({ ...good, id: '43' }, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({
      ok: false,
      error: 'bad_hash',
    });
    const other = signed({ id: '42', auth_date: authDate }, '999:AAanother-bot-token-xxxxxxxxxx');
    expect(verifyTelegramLogin(other, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({ error: 'bad_hash' });
    const old = signed({ id: '42', auth_date: String(Math.floor(NOW.getTime() / 1000) - 86_401) });
    expect(verifyTelegramLogin(old, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({ error: 'expired' });
    expect(verifyTelegramLogin({ id: '42' }, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({
      error: 'missing_fields',
    });
  });

  it('checks every field the widget sent, photo included, and honours a shorter maximum age', () => {
    const fields = signed({
      id: '7000000001',
      first_name: 'Борис',
      last_name: 'Ким',
      username: 'boris',
      photo_url: 'https://t.me/i/userpic/320/boris.jpg',
      auth_date: authDate,
    });
    expect(verifyTelegramLogin(fields, { botToken: BOT_TOKEN, now: NOW })).toEqual({
      ok: true,
      user: {
        telegramId: 7000000001n,
        username: 'boris',
        firstName: 'Борис',
        lastName: 'Ким',
        photoUrl: 'https://t.me/i/userpic/320/boris.jpg',
      },
    });
    const swappedPhoto = { ...fields, photo_url: 'https://evil.example/x.jpg' };
    expect(verifyTelegramLogin(swappedPhoto, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({ error: 'bad_hash' });
    expect(verifyTelegramLogin({ ...fields, hash: 'zz' }, { botToken: BOT_TOKEN, now: NOW })).toMatchObject({
      error: 'bad_hash',
      message: expect.stringMatching(/Telegram/),
    });
    expect(verifyTelegramLogin(fields, { botToken: BOT_TOKEN, now: NOW, maxAgeSeconds: 30 })).toMatchObject({
      ok: false,
      error: 'expired',
    });
  });
});
