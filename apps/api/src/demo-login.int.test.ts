import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@wb-assist/db/testing';
import { inheritedEnv, startProcess } from '@wb-assist/test-system';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

/** The API's entry point as a deployment runs it; resolves with its exit code and output. */
async function runApi(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const api = startProcess({ name: 'api', args: ['apps/api/src/main.ts'], env: inheritedEnv(env) });
  const timer = setTimeout(() => void api.stop('SIGKILL'), 30_000);
  const code = await api.exited;
  clearTimeout(timer);
  return { code, output: api.output() };
}

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('demoLogin in production', () => {
  it('the API refuses to start with DEMO_LOGIN_TELEGRAM_ID and says which variable to remove', async () => {
    const port = await freePort();
    const result = await runApi({
      NODE_ENV: 'production',
      // Everything else production needs, so the demo id is the only problem.
      DATABASE_URL: `postgresql://wb:pw@127.0.0.1:${await freePort()}/wb`,
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      INTERNAL_WEBHOOK_SECRET: 'x'.repeat(32),
      API_PORT: String(port),
      DEMO_LOGIN_TELEGRAM_ID: '700000001',
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /^Invalid configuration:\n {2}- DEMO_LOGIN_TELEGRAM_ID: must not be set in production/,
    );
    expect(result.output.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(1);
  });

  it('the resolver refuses too, should a production config carry a demo id anyway', async () => {
    api = await startTestApi();
    const { user } = await signedInUser(api.prisma, { firstName: 'Демо' });
    await api.close();
    api = await startTestApi({ nodeEnv: 'production', demoTelegramId: user.telegramId });
    const result = await gql(
      api.url,
      'mutation { demoLogin { __typename ... on OperationError { code message } ... on LoginPayload { user { id } } } }',
    );
    expect(result.data).toEqual({
      demoLogin: {
        __typename: 'OperationError',
        code: 'demo_disabled',
        message: 'Демо-вход на этом сервере выключен.',
      },
    });
    expect(result.headers.getSetCookie()).toEqual([]);
    const options = await gql(api.url, '{ loginOptions { demo } }');
    expect(options.data).toEqual({ loginOptions: { demo: false } });
  });
});
