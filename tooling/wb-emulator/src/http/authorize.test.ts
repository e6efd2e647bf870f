import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const PROBLEM_KEYS = ['code', 'detail', 'origin', 'requestId', 'status', 'statusText', 'timestamp', 'title'];

async function expectProblem(response: Response, status: number, detail: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(PROBLEM_KEYS);
  expect(body.detail).toBe(detail);
  expect(body.status).toBe(status);
  expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  return body;
}

const ORDERS = '/api/v1/supplier/orders?dateFrom=2026-11-27';

describe('tokens', () => {
  it('accepts the raw token and the Bearer form', async () => {
    h = await harness();
    expect((await h.get(ORDERS)).status).toBe(200);
    expect((await h.get(ORDERS, `Bearer ${h.token}`)).status).toBe(200);
  });

  it('mints WB-shaped claims', async () => {
    h = await harness();
    const { claims } = await h.emulator.control.createToken({
      sid: h.seller.sid,
      type: 'base',
      categories: ['statistics', 'content'],
      readOnly: true,
    });
    expect(claims.sid).toBe(h.seller.sid);
    expect(claims.acc).toBe(1);
    expect(claims.t).toBe(false);
    expect(claims.s).toBe((1 << 5) | (1 << 1) | (1 << 30));
    expect(claims.exp).toBe(Math.floor(T0 / 1000) + 180 * 86_400);
    const [, payload] = (await h.tokenFor({})).split('.');
    expect(Object.keys(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()))).toEqual(
      expect.arrayContaining(['id', 'sid', 's', 'acc', 't', 'exp']),
    );
  });

  it('answers 401 for a missing, malformed or foreign token', async () => {
    h = await harness();
    await expectProblem(await fetch(`${h.emulator.url}${ORDERS}`), 401, 'empty Authorization header');
    const malformed = await expectProblem(
      await h.get(ORDERS, 'not-a-jwt'),
      401,
      'token problem; token is malformed: token contains an invalid number of segments',
    );
    expect(malformed.title).toBe('unauthorized');
    const [header, payload] = h.token.split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(64, 1).toString('base64url')}`;
    await expectProblem(
      await h.get(ORDERS, forged),
      401,
      'token problem; token is malformed: token signature is invalid: crypto/ecdsa: verification error',
    );
  });

  it('answers 401 "token expired" after exp', async () => {
    h = await harness();
    const token = await h.tokenFor({ expiresInSeconds: 60 });
    expect((await h.get(ORDERS, token)).status).toBe(200);
    await h.emulator.control.advanceClock({ minutes: 1 });
    await expectProblem(await h.get(ORDERS, token), 401, 'token expired');
  });

  it('answers 401 for a revoked token', async () => {
    h = await harness();
    await h.emulator.control.revokeToken({ token: h.token });
    await expectProblem(await h.get(ORDERS), 401, 'token problem; token withdrawn');
  });

  it('answers 403 when the token lacks the category', async () => {
    h = await harness();
    const token = await h.tokenFor({ categories: ['content'] });
    await expectProblem(await h.get(ORDERS, token), 403, 'scope is not allowed for this resource');
    expect((await h.post('/content/v2/get/cards/list', { settings: { cursor: { limit: 1 } } }, token)).status).toBe(
      200,
    );
  });

  it('refuses writes with a read-only token: 401 where WB documents no 403', async () => {
    h = await harness();
    const token = await h.tokenFor({ readOnly: true });
    const response = await h.post('/api/v1/feedbacks/answer', { id: 'x', text: 'Спасибо!' }, token);
    await expectProblem(response, 401, 'read-only token scope is not allowed for this resource');
    const patch = await fetch(`${h.emulator.url}/api/v1/questions`, {
      method: 'PATCH',
      headers: { Authorization: token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'x', answer: { text: 'Да' }, state: 'wbRu' }),
    });
    await expectProblem(patch, 403, 'read-only token scope is not allowed for this resource');
    expect((await h.get('/api/v1/feedbacks?isAnswered=false&take=1&skip=0', token)).status).toBe(200);
  });

  it('refuses Base tokens on stocks-report with WB body', async () => {
    h = await harness();
    const token = await h.tokenFor({ type: 'base' });
    const body = await expectProblem(
      await h.post('/api/analytics/v1/stocks-report/wb-warehouses', {}, token),
      403,
      'base token is not allowed',
    );
    expect(body.code).toBe('base token is not allowed for this path');
  });

  it('sandbox accepts only Test tokens; the main URL refuses them; seller-info refuses them', async () => {
    h = await harness();
    const test = await h.tokenFor({ type: 'test' });
    const sandbox = (path: string, token: string) =>
      fetch(`${h.emulator.sandboxUrl}${path}`, { headers: { Authorization: token } });
    expect((await sandbox(ORDERS, test)).status).toBe(200);
    await expectProblem(
      await sandbox(ORDERS, h.token),
      401,
      'token problem; only test tokens are accepted in the sandbox',
    );
    await expectProblem(await h.get(ORDERS, test), 401, 'token problem; test token is not valid for this environment');
    await expectProblem(
      await h.get('/api/v1/seller-info', test),
      401,
      'token problem; test token is not valid for this environment',
    );
    // Paths without a -sandbox host do not exist there.
    expect((await sandbox('/api/v1/seller-info', test)).status).toBe(404);
  });

  it('serves seller-info to any category', async () => {
    h = await harness();
    const token = await h.tokenFor({ categories: ['feedbacks'] });
    const response = await h.get('/api/v1/seller-info', token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: expect.any(String),
      sid: h.seller.sid,
      tin: expect.stringMatching(/^\d{10}$/),
      tradeMark: expect.any(String),
    });
  });
});
