import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cryptoEnv, resolveSecrets } from './crypto.ts';
import { databaseEnv, databaseTarget } from './database.ts';
import { EnvError, parseEnv } from './load-env.ts';
import { runtimeEnv } from './runtime.ts';
import { syncEnv } from './sync.ts';
import { telegramEnv } from './telegram.ts';
import { wbEnv } from './wb.ts';
import { webEnv } from './web.ts';

const all = [runtimeEnv, databaseEnv, wbEnv, telegramEnv, webEnv, syncEnv, cryptoEnv] as const;

describe('parseEnv', () => {
  it('gives every variable of the specification its default on an empty environment', () => {
    const env = parseEnv(all, {});
    expect(env.SYNC_INTERVAL).toBe(180);
    expect(env.WB_API_RATE_LIMIT).toBe(30);
    expect(env.WB_API_INTERVAL).toBe(2000);
    expect(env.POSTGRES_USER).toBe('wb_assist');
    expect(env.POSTGRES_DB).toBe('wb_assist_db');
    expect(env.BOT_TOKEN).toBeUndefined();
    expect(env.WEBHOOK_URL).toBeUndefined();
    expect(env.TELEGRAM_API_ROOT).toBe('https://api.telegram.org');
    expect(env.WB_STATISTICS_API_URL).toBe('https://statistics-api.wildberries.ru');
    expect(env.WB_COMMON_API_URL).toBe('https://common-api.wildberries.ru');
    expect(env.INITIAL_SYNC_DAYS).toBe(30);
    expect(env.NODE_ENV).toBe('development');
  });

  it('lists every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      parseEnv(all, {
        SYNC_INTERVAL: 'often',
        API_PORT: '70000',
        WB_STATISTICS_API_URL: 'ftp://example.com',
        BOT_TOKEN: 'not-a-token',
        INITIAL_SYNC_DAYS: '120',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const problems = (error as EnvError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/SYNC_INTERVAL: must be a number/);
    expect(problems.join('\n')).toMatch(/API_PORT: must be between 1 and 65535/);
    expect(problems.join('\n')).toMatch(/WB_STATISTICS_API_URL: must be an http\(s\) URL/);
    expect(problems.join('\n')).toMatch(/BOT_TOKEN: must look like/);
    expect(problems.join('\n')).toMatch(/INITIAL_SYNC_DAYS: must be at most 90/);
    expect((error as Error).message.split('\n')[0]).toBe('Invalid configuration:');
  });

  it('treats empty strings as unset, as compose files pass them', () => {
    expect(parseEnv(all, { SYNC_INTERVAL: '', BOT_TOKEN: ' ' }).SYNC_INTERVAL).toBe(180);
  });

  it('accepts SYNC_INTERVAL under a minute and trims trailing slashes from URLs', () => {
    const env = parseEnv(all, { SYNC_INTERVAL: '10', WB_CONTENT_API_URL: 'http://127.0.0.1:9000/' });
    expect(env.SYNC_INTERVAL).toBe(10);
    expect(env.WB_CONTENT_API_URL).toBe('http://127.0.0.1:9000');
  });

  it('requires the database, the encryption key and the webhook secret in production', () => {
    expect(() => parseEnv(all, { NODE_ENV: 'production' })).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.stringMatching(/^DATABASE_URL: required in production/),
          'ENCRYPTION_KEY: required in production',
          'INTERNAL_WEBHOOK_SECRET: required in production',
        ]),
      }),
    );
  });

  it('requires a webhook secret when Telegram calls us on a public URL', () => {
    expect(() => parseEnv(all, { WEBHOOK_URL: 'https://bot.example.com/telegram' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(() => parseEnv(all, { ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/);
    const hex = 'ab'.repeat(32);
    expect(parseEnv(all, { ENCRYPTION_KEY: hex }).ENCRYPTION_KEY).toEqual(Buffer.from(hex, 'hex'));
  });
});

describe('databaseTarget', () => {
  it('prefers DATABASE_URL, then POSTGRES_HOST, then the embedded server', () => {
    const parse = (source: Record<string, string>) => databaseTarget(parseEnv([databaseEnv], source));
    expect(parse({ DATABASE_URL: 'postgresql://u:p@db:5432/x', POSTGRES_HOST: 'other' })).toEqual({
      kind: 'url',
      url: 'postgresql://u:p@db:5432/x',
    });
    expect(parse({ POSTGRES_HOST: 'db', POSTGRES_USER: 'a b', POSTGRES_PASSWORD: 'p@ss' })).toEqual({
      kind: 'url',
      url: 'postgresql://a%20b:p%40ss@db:5432/wb_assist_db',
    });
    expect(parse({})).toMatchObject({ kind: 'embedded', port: 54329, database: 'wb_assist_db' });
  });
});

describe('resolveSecrets', () => {
  it('generates secrets once on the embedded defaults and reads the same ones later', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-secrets-'));
    const env = { ...parseEnv([cryptoEnv], {}), DATA_DIR: dir };
    const first = resolveSecrets(env);
    const second = resolveSecrets(env);
    expect(first.encryptionKey).toHaveLength(32);
    expect(second.encryptionKey.equals(first.encryptionKey)).toBe(true);
    expect(second.internalWebhookSecret).toBe(first.internalWebhookSecret);
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it('uses the environment when both secrets are given, writing nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-secrets-'));
    const key = Buffer.alloc(32, 7).toString('base64');
    const env = {
      ...parseEnv([cryptoEnv], { ENCRYPTION_KEY: key, INTERNAL_WEBHOOK_SECRET: 'x'.repeat(32) }),
      DATA_DIR: dir,
    };
    expect(resolveSecrets(env).encryptionKey.toString('base64')).toBe(key);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
