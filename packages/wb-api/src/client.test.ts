import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@wb-assist/wb-emulator';
import { createWbClient, type WbClientOptions } from './client.ts';
import { WbApiError } from './errors.ts';
import { MemoryRateLimiter } from './rate-limit/memory.ts';
import { decodeWbToken } from './token.ts';

let wb: RunningEmulator;
const START = Date.UTC(2026, 10, 27, 12, 0, 0);

beforeAll(async () => {
  wb = await startEmulator({
    seed: 3,
    startAt: START,
    frozenClock: true,
    publishIntervalMinutes: 0,
    rateLimits: false,
    pageLimit: 50,
  });
});
afterAll(() => wb.close());

async function clientFor(token: string, options: Partial<WbClientOptions> = {}) {
  const claims = decodeWbToken(token);
  const hosts = { statistics: wb.url, analytics: wb.url, feedbacks: wb.url, content: wb.url, common: wb.url };
  return createWbClient({
    token,
    sellerId: claims.sellerId,
    tokenType: claims.type,
    hosts,
    limiter: new MemoryRateLimiter(),
    statisticsPageLimit: 50,
    minBackoffMs: 5,
    retries: 2,
    ...options,
  });
}

async function all<T>(pages: AsyncGenerator<{ rows: T[] }>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page.rows);
  return rows;
}

describe('WB client against the emulator', () => {
  it('reads every order once across pages of 50, dropping the >= boundary repeats', async () => {
    const seller = await wb.control.createSeller({ historyDays: 10, traffic: { ordersPerDay: 30 } });
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const orders = await all((await clientFor(token)).orders('2026-11-01'));
    expect(orders.length).toBe((await wb.control.seller(seller.sid)).counts.orders);
    expect(new Set(orders.map((order) => order.srid)).size).toBe(orders.length);
  });

  it('narrows the review window when paging would pass the skip ceiling, and still reads every review', async () => {
    const seller = await wb.control.createSeller({ products: 2 });
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['feedbacks'] });
    for (let i = 0; i < 30; i += 1) {
      await wb.control.addReview(seller.sid, { valuation: 1 + (i % 5), at: START - (i + 1) * 3_600_000 });
    }
    const client = await clientFor(token, { feedbackPaging: { take: 4, skipMax: 10 } });
    const reviews = await all(
      client.feedbacks({ isAnswered: false, dateFrom: Math.floor((START - 40 * 3_600_000) / 1000) }),
    );
    expect(new Set(reviews.map((review) => review.id)).size).toBe(30);
  });

  it('reads every buyer question across the take + skip ceiling by narrowing the window', async () => {
    const seller = await wb.control.createSeller({ products: 2 });
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['feedbacks'] });
    for (let i = 0; i < 25; i += 1) {
      await wb.control.addQuestion(seller.sid, { text: `Вопрос ${i}`, at: START - (i + 1) * 3_600_000 });
    }
    const client = await clientFor(token, { questionPaging: { take: 4, skipMax: 10 } });
    const questions = await all(
      client.questions({ isAnswered: false, dateFrom: Math.floor((START - 40 * 3_600_000) / 1000) }),
    );
    expect(new Set(questions.map((question) => question.id)).size).toBe(25);
    expect(questions[0]).toMatchObject({ text: 'Вопрос 0', productDetails: { nmId: expect.any(Number) } });
    expect(questions[0]?.createdDate).toEqual(new Date(START - 3_600_000));
  });

  it('reads every order-feed page of one snapshot, until a short page', async () => {
    const seller = await wb.control.createSeller({ historyDays: 3, traffic: { ordersPerDay: 20 } });
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['analytics'] });
    // WB's one request a minute at 1/1000 of its time.
    const client = await clientFor(token, { orderFeedPageLimit: 7, rateLimitScale: 0.001 });
    const pages = [];
    for await (const page of client.orderFeed({ start: new Date(START - 4 * 86_400_000), end: new Date(START) }))
      pages.push(page);
    const rows = pages.flatMap((page) => page.rows);
    expect(pages.flatMap((page) => page.bad)).toEqual([]);
    expect(rows.length).toBe((await wb.control.seller(seller.sid)).counts.orders);
    expect(new Set(rows.map((row) => row.srid)).size).toBe(rows.length);
    expect(new Set(pages.map((page) => page.snapshotTime)).size).toBe(1);
    expect(pages.map((page) => page.last)).toEqual([...pages.slice(1).map(() => false), true]);
    expect(rows[0]).toMatchObject({ status: expect.any(String), createdAt: expect.any(Date) });
  });

  it('keeps a feed row with fields left out or added, and reports one without its srid', async () => {
    const raw = { nmId: 1, srid: 's1', createdAt: '2026-11-27T15:00:00+03:00', updatedAt: '2026-11-27T15:00:00+03:00' };
    const { orderFeedRowSchema } = await import('./schemas/order-feed.ts');
    expect(orderFeedRowSchema.parse({ ...raw, status: 'created', somethingNew: 1 })).toMatchObject({
      srid: 's1',
      sellerPrice: null,
      cancelType: null,
      warehouseName: null,
    });
    expect(orderFeedRowSchema.safeParse({ ...raw, srid: '', status: 'created' }).success).toBe(false);
  });

  it('runs the Base token’s warehouse_remains task to its download', async () => {
    const seller = await wb.control.createSeller({ products: 3 });
    const { token } = await wb.control.createToken({ sid: seller.sid, type: 'base', categories: ['analytics'] });
    // WB's Base limits (4 an hour per step) at 1/1000 of their time.
    const client = await clientFor(token, { rateLimitScale: 0.001 });
    const taskId = await client.createRemainsTask();
    expect(await client.remainsTaskStatus(taskId)).not.toBe('done');
    await wb.control.advanceClock({ minutes: 2 });
    expect(await client.remainsTaskStatus(taskId)).toBe('done');
    const { rows, bad } = await client.downloadRemains(taskId);
    expect(bad).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]?.warehouses.some((w) => w.warehouseName === 'Всего находится на складах')).toBe(true);
  });

  it('turns each refusal into a typed error', async () => {
    const seller = await wb.control.createSeller();
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const expired = await wb.control.createToken({
      sid: seller.sid,
      categories: ['statistics'],
      exp: Math.floor(START / 1000) - 60,
    });
    const revoked = await wb.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    await wb.control.revokeToken({ id: revoked.id });
    const code = (promise: Promise<unknown>) =>
      promise.then(
        () => 'ok',
        (error: unknown) => (error instanceof WbApiError ? error.code : String(error)),
      );

    expect(await code((await clientFor(expired.token)).sellerInfo())).toBe('token_expired');
    expect(await code((await clientFor(revoked.token)).sellerInfo())).toBe('invalid_token');
    expect(await code(all((await clientFor(token)).stocksReport()))).toBe('scope_missing');

    // Two retries: three attempts meet three faults, and none is left for the next case.
    await wb.control.injectFault({ method: 'seller-info', kind: '5xx', count: 3 });
    expect(await code((await clientFor(token)).sellerInfo())).toBe('unavailable');
    await wb.control.injectFault({ method: 'seller-info', kind: 'malformed-json', count: 3 });
    expect(await code((await clientFor(token)).sellerInfo())).toBe('bad_response');
    await wb.control.injectFault({ method: 'seller-info', kind: 'hang', count: 3 });
    expect(await code((await clientFor(token, { timeoutMs: 100 })).sellerInfo())).toBe('timeout');
  });

  it('retries a transient failure and succeeds', async () => {
    const seller = await wb.control.createSeller({ name: 'ИП Кузнецова' });
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    await wb.control.injectFault({ method: 'seller-info', kind: 'truncated', count: 1 });
    await wb.control.injectFault({ method: 'seller-info', kind: '5xx', count: 1 });
    expect(await (await clientFor(token)).sellerInfo()).toMatchObject({ name: 'ИП Кузнецова', sid: seller.sid });
  });

  it('answers, edits and reads back a review and a question; a read-only key is refused as such', async () => {
    const seller = await wb.control.createSeller();
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['feedbacks'] });
    const review = await wb.control.addReview(seller.sid, { valuation: 3, at: START - 60_000 });
    const question = await wb.control.addQuestion(seller.sid, { at: START - 60_000 });
    const client = await clientFor(token);
    expect(await client.feedback(review.id)).toEqual({ id: review.id, answer: null });
    await client.answerFeedback(review.id, 'Спасибо за отзыв');
    expect(await client.feedback(review.id)).toEqual({
      id: review.id,
      answer: { text: 'Спасибо за отзыв', editable: true },
    });
    await client.editFeedbackAnswer(review.id, 'Спасибо, исправим');
    expect((await client.feedback(review.id)).answer).toEqual({ text: 'Спасибо, исправим', editable: false });
    await client.answerQuestion(question.id, 'Да, есть');
    expect(await client.question(question.id)).toMatchObject({ state: 'wbRu', answer: { text: 'Да, есть' } });

    const readOnly = await wb.control.createToken({ sid: seller.sid, categories: ['feedbacks'], readOnly: true });
    const refused = await (await clientFor(readOnly.token)).answerFeedback(review.id, 'Ещё').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'read_only', status: 401 });
  });

  it('does not repeat a write WB may have taken: a timeout ends it, a 5xx is retried', async () => {
    const seller = await wb.control.createSeller();
    const { token } = await wb.control.createToken({ sid: seller.sid, categories: ['feedbacks'] });
    const review = await wb.control.addReview(seller.sid, { at: START - 60_000 });
    const client = await clientFor(token, { timeoutMs: 200 });
    await wb.control.holdReplies({ method: 'feedbacks-answer', ms: 1_000 });
    expect(await client.answerFeedback(review.id, 'Спасибо').catch((e: unknown) => e)).toMatchObject({
      code: 'timeout',
    });
    await wb.control.injectFault({ method: 'feedbacks-answer', kind: '5xx', count: 1 });
    await client.answerFeedback(review.id, 'Спасибо!');
    const posts = (await wb.control.requests(seller.sid)).requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
  });
});
