import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './load-env.ts';
import { webEnv } from './web.ts';

const problemsOf = (source: Record<string, string>): string[] => {
  try {
    parseEnv([webEnv], source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe('webEnv: DEMO_LOGIN_TELEGRAM_ID', () => {
  it('enables the demo login outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(parseEnv([webEnv], { NODE_ENV, DEMO_LOGIN_TELEGRAM_ID: '700000001' }).DEMO_LOGIN_TELEGRAM_ID).toBe(
        700_000_001n,
      );
    }
  });

  it('is refused in production, naming the variable: it would let anyone sign in without a password', () => {
    expect(problemsOf({ NODE_ENV: 'production', DEMO_LOGIN_TELEGRAM_ID: '700000001' })).toEqual([
      expect.stringMatching(/^DEMO_LOGIN_TELEGRAM_ID: must not be set in production/),
    ]);
  });

  it('lets production start when it is unset or empty, as compose files pass it', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'production', DEMO_LOGIN_TELEGRAM_ID: '' })).toEqual([]);
  });
});

describe('webEnv: DEMO_TELEGRAM_CONTROL_URL', () => {
  it('names the demo’s fake Telegram outside production, and is refused in production', () => {
    expect(
      parseEnv([webEnv], { NODE_ENV: 'development', DEMO_TELEGRAM_CONTROL_URL: 'http://127.0.0.1:9100' })
        .DEMO_TELEGRAM_CONTROL_URL,
    ).toBe('http://127.0.0.1:9100');
    expect(problemsOf({ NODE_ENV: 'production', DEMO_TELEGRAM_CONTROL_URL: 'http://127.0.0.1:9100' })).toEqual([
      expect.stringMatching(/^DEMO_TELEGRAM_CONTROL_URL: must not be set in production/),
    ]);
    expect(problemsOf({ NODE_ENV: 'production', DEMO_TELEGRAM_CONTROL_URL: '' })).toEqual([]);
  });
});
