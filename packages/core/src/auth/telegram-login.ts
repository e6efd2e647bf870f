import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface TelegramLoginUser {
  telegramId: bigint;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  photoUrl: string | null;
}

export type TelegramLoginError = 'missing_fields' | 'bad_hash' | 'expired';

export type VerifyTelegramLoginResult =
  { ok: true; user: TelegramLoginUser } | { ok: false; error: TelegramLoginError; message: string };

const fail = (error: TelegramLoginError, message: string): VerifyTelegramLoginResult => ({ ok: false, error, message });

/**
 * Checks the fields the Telegram Login Widget passed to its callback
 * (https://core.telegram.org/widgets/login#checking-authorization): the hash is the hex
 * HMAC-SHA256 of the data-check-string (every other field as `key=value`, sorted by key, joined
 * by newlines) under SHA256(bot token). A fresh auth_date keeps a captured login from being
 * replayed forever.
 */
export function verifyTelegramLogin(
  fields: Record<string, string>,
  options: { botToken: string; now?: Date; maxAgeSeconds?: number },
): VerifyTelegramLoginResult {
  const { hash, id, auth_date: authDate } = fields;
  if (!hash || !id || !authDate || !/^\d+$/.test(id) || !/^\d+$/.test(authDate)) {
    return fail('missing_fields', 'Telegram передал неполные данные для входа. Попробуйте войти ещё раз.');
  }
  const dataCheckString = Object.keys(fields)
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secretKey = createHash('sha256').update(options.botToken).digest();
  const expected = createHmac('sha256', secretKey).update(dataCheckString).digest();
  const given = /^[0-9a-f]{64}$/i.test(hash) ? Buffer.from(hash, 'hex') : null;
  if (!given || !timingSafeEqual(given, expected)) {
    return fail('bad_hash', 'Не удалось подтвердить вход через Telegram. Попробуйте войти ещё раз.');
  }
  const now = options.now ?? new Date();
  const ageSeconds = now.getTime() / 1000 - Number(authDate);
  if (ageSeconds > (options.maxAgeSeconds ?? 86_400)) {
    return fail('expired', 'Данные входа через Telegram устарели. Войдите ещё раз.');
  }
  return {
    ok: true,
    user: {
      telegramId: BigInt(id),
      username: fields.username || null,
      firstName: fields.first_name || null,
      lastName: fields.last_name || null,
      photoUrl: fields.photo_url || null,
    },
  };
}
