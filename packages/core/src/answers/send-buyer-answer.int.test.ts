import { randomBytes, randomInt } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@wb-assist/db';
import { listen, type ChannelMessage } from '@wb-assist/db/channels';
import { testDatabaseUrl, waitFor } from '@wb-assist/db/testing';
import { decodeWbToken, PostgresRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type Category, type RunningEmulator } from '@wb-assist/wb-emulator';
import { decryptSecret, encryptSecret } from '../crypto/secret-box.ts';
import { sendBuyerAnswer, STALE_SENDING_MS, type SendBuyerAnswerOptions } from './send-buyer-answer.ts';

const url = testDatabaseUrl();
const db = createPrismaClient(url, { poolSize: 4 });
const pool = new pg.Pool({ connectionString: url, max: 2 });
const listener = new pg.Client({ connectionString: url });
const heard: ChannelMessage<'buyerAnswerChanged'>[] = [];
const encryptionKey = randomBytes(32);
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 23, profile: 'fast', publishIntervalMinutes: 0 });
  await listener.connect();
  await listen(listener, ['buyerAnswerChanged'], {
    onMessage: (message) => heard.push(message as ChannelMessage<'buyerAnswerChanged'>),
    logger: { warn: () => {} },
  });
});
afterAll(async () => {
  await listener.end();
  await pool.end();
  await db.$disconnect();
  await emulator.close();
});

const ALL: Category[] = ['statistics', 'feedbacks', 'content', 'analytics'];

/** A seller at the emulator, connected as a cabinet of two members, with one review and one question stored. */
async function shop(options: { categories?: Category[]; readOnly?: boolean; storedScopesFrom?: Category[] } = {}) {
  const seller = await emulator.control.createSeller();
  const { token } = await emulator.control.createToken({
    sid: seller.sid,
    categories: options.categories ?? ALL,
    readOnly: options.readOnly,
  });
  // What the cabinet row believes the key can do; a key replaced at WB can disagree with it.
  const claimed = options.storedScopesFrom
    ? decodeWbToken(
        (await emulator.control.createToken({ sid: seller.sid, categories: options.storedScopesFrom })).token,
      )
    : decodeWbToken(token);
  const [anna, boris] = await Promise.all(
    ['Анна', 'Борис'].map((firstName) =>
      db.user.create({ data: { telegramId: BigInt(randomInt(1, 2 ** 47)), firstName } }),
    ),
  );
  const cabinet = await db.cabinet.create({
    data: {
      sellerId: seller.sid,
      name: seller.name,
      tokenEncrypted: encryptSecret(token, encryptionKey),
      tokenFingerprint: randomBytes(16).toString('hex'),
      tokenType: 'personal',
      tokenScopes: claimed.scopes,
      tokenReadOnly: claimed.readOnly,
      tokenExpiresAt: claimed.expiresAt,
      status: 'ready',
      members: { create: [{ userId: anna!.id, role: 'owner' }, { userId: boris!.id }] },
    },
  });
  const review = await emulator.control.addReview(seller.sid, { valuation: 2, text: 'Пришло мятое' });
  const question = await emulator.control.addQuestion(seller.sid, { text: 'Есть размер M?' });
  await db.wbReview.create({
    data: { cabinetId: cabinet.id, reviewId: review.id, nmId: review.nmId, rating: 2, createdDate: new Date() },
  });
  await db.wbQuestion.create({
    data: { cabinetId: cabinet.id, questionId: question.id, nmId: question.nmId, createdDate: new Date() },
  });
  const send = ({ timeoutMs = 2_000, ...input }: Partial<SendBuyerAnswerOptions> & { timeoutMs?: number } = {}) =>
    sendBuyerAnswer({
      db,
      wb: {
        hosts: emulator.hosts,
        limiter: new PostgresRateLimiter(pool),
        rateLimitScale: 0.001,
        encryptionKey,
        timeoutMs,
      },
      cabinetId: cabinet.id,
      userId: anna!.id,
      kind: 'review',
      targetId: review.id,
      text: 'Простите! Заменим товар.',
      source: 'telegram',
      ...input,
    });
  /** Answer writes and reads that reached WB, by method and path. */
  const calls = async (method: string, path: string) =>
    (await emulator.control.requests(seller.sid)).requests.filter((r) => r.method === method && r.path === path).length;
  return { seller, cabinet, review, question, anna: anna!, boris: boris!, send, calls };
}

describe('sendBuyerAnswer', () => {
  it('posts the answer once: WB holds it, the review is answered, every surface is told', async () => {
    const s = await shop();
    const result = await s.send();
    expect(result).toMatchObject({
      outcome: 'sent',
      answer: {
        kind: 'review',
        targetId: s.review.id,
        revision: 0,
        text: 'Простите! Заменим товар.',
        status: 'sent',
        author: { userId: s.anna.id, displayName: 'Анна' },
        source: 'telegram',
      },
    });
    expect((await emulator.control.review(s.seller.sid, s.review.id)).answer?.text).toBe('Простите! Заменим товар.');
    expect(
      await db.wbReview.findFirstOrThrow({
        where: { reviewId: s.review.id },
        select: { isAnswered: true, answerText: true },
      }),
    ).toEqual({ isAnswered: true, answerText: 'Простите! Заменим товар.' });
    await waitFor(async () => heard.some((m) => m.payload.targetId === s.review.id));
    expect(heard.find((m) => m.payload.targetId === s.review.id)?.payload).toEqual({
      cabinetId: s.cabinet.id,
      kind: 'review',
      targetId: s.review.id,
    });
    // The answer spent the seller's shared feedbacks bucket, as the sync's reads do.
    expect(await db.wbRateLimit.count({ where: { sellerId: s.seller.sid, methodGroup: 'feedbacks' } })).toBe(1);

    const again = await s.send({ userId: s.boris.id, text: 'Другой текст', source: 'web' });
    expect(again).toMatchObject({
      outcome: 'already_answered',
      answer: { text: 'Простите! Заменим товар.', author: { displayName: 'Анна' } },
    });
    expect(await s.calls('POST', '/api/v1/feedbacks/answer')).toBe(1);
  });

  it('answers a question through WB’s questions call', async () => {
    const s = await shop();
    const result = await s.send({ kind: 'question', targetId: s.question.id, text: 'Да, M есть.', source: 'web' });
    expect(result).toMatchObject({ outcome: 'sent', answer: { kind: 'question', text: 'Да, M есть.', source: 'web' } });
    expect((await emulator.control.question(s.seller.sid, s.question.id)).answer?.text).toBe('Да, M есть.');
    expect(
      await db.wbQuestion.findFirstOrThrow({
        where: { questionId: s.question.id },
        select: { isAnswered: true, state: true },
      }),
    ).toEqual({ isAnswered: true, state: 'wbRu' });
    expect(await s.calls('PATCH', '/api/v1/questions')).toBe(1);

    const edit = (text: string) => s.send({ kind: 'question', targetId: s.question.id, text, edit: true });
    expect(await edit('Да, M и L есть.')).toMatchObject({ outcome: 'sent', answer: { revision: 1 } });
    expect((await emulator.control.question(s.seller.sid, s.question.id)).answer).toEqual({
      text: 'Да, M и L есть.',
      editable: false,
    });
    expect(await edit('Только L.')).toMatchObject({
      outcome: 'failed',
      code: 'edit_not_allowed',
      draftText: 'Только L.',
    });
    expect(await s.calls('PATCH', '/api/v1/questions')).toBe(2);
  });

  it('posts once when two members send the same answer at the same moment', async () => {
    const s = await shop();
    const results = await Promise.all([
      s.send({ text: 'Ответ Анны' }),
      s.send({ userId: s.boris.id, text: 'Ответ Бориса', source: 'web' }),
    ]);
    const outcomes = results.map((r) => r.outcome).sort();
    expect(outcomes).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(['already_answered', 'in_flight']).toContain(outcomes.find((o) => o !== 'sent'));
    expect(await s.calls('POST', '/api/v1/feedbacks/answer')).toBe(1);
    const winner = results.find((r) => r.outcome === 'sent');
    expect((await emulator.control.review(s.seller.sid, s.review.id)).answer?.text).toBe(
      winner?.outcome === 'sent' ? winner.answer.text : undefined,
    );
  });

  it('reconciles a send cut off after WB took it: no second POST', async () => {
    const s = await shop();
    await emulator.control.holdReplies({ method: 'feedbacks-answer', ms: 1_500 });
    const cut = await s.send({ timeoutMs: 300 });
    expect(cut).toMatchObject({ outcome: 'in_doubt', answer: { status: 'sending' } });
    expect((await emulator.control.review(s.seller.sid, s.review.id)).answer?.text).toBe('Простите! Заменим товар.');

    // Too soon to be stale: someone may still be sending.
    expect(await s.send({ userId: s.boris.id })).toMatchObject({ outcome: 'in_flight' });
    const later = new Date(Date.now() + STALE_SENDING_MS + 1_000);
    expect(await s.send({ userId: s.boris.id, now: later })).toMatchObject({
      outcome: 'already_answered',
      answer: { status: 'sent', text: 'Простите! Заменим товар.', author: { displayName: 'Анна' } },
    });
    expect(await s.calls('POST', '/api/v1/feedbacks/answer')).toBe(1);
    expect(await s.calls('GET', '/api/v1/feedback')).toBe(1);
    expect(await db.wbReview.findFirstOrThrow({ where: { reviewId: s.review.id } })).toMatchObject({
      isAnswered: true,
    });
  });

  it('reconciles a stale question answer WB already shows, and posts a stale one WB lacks', async () => {
    const s = await shop();
    const stale = new Date(Date.now() - STALE_SENDING_MS - 1_000);
    await db.buyerAnswer.create({
      data: {
        cabinetId: s.cabinet.id,
        kind: 'question',
        targetId: s.question.id,
        revision: 0,
        text: 'Да, есть.',
        authorUserId: s.anna.id,
        source: 'telegram',
        status: 'sending',
        attemptedAt: stale,
      },
    });
    // The earlier process's answer reached WB before it died.
    await fetch(`${emulator.url}/api/v1/questions`, {
      method: 'PATCH',
      headers: { Authorization: await tokenOf(s.cabinet.id), 'content-type': 'application/json' },
      body: JSON.stringify({ id: s.question.id, answer: { text: 'Да, есть.' }, state: 'wbRu' }),
    });
    const result = await s.send({ kind: 'question', targetId: s.question.id, text: 'Да, есть.', userId: s.boris.id });
    expect(result).toMatchObject({ outcome: 'already_answered', answer: { status: 'sent', text: 'Да, есть.' } });
    expect(await s.calls('PATCH', '/api/v1/questions')).toBe(1);

    await db.buyerAnswer.create({
      data: {
        cabinetId: s.cabinet.id,
        kind: 'review',
        targetId: s.review.id,
        revision: 0,
        text: 'Не дошло',
        source: 'web',
        status: 'sending',
        attemptedAt: stale,
      },
    });
    expect(await s.send()).toMatchObject({ outcome: 'sent', answer: { text: 'Простите! Заменим товар.' } });
    expect(await s.calls('GET', '/api/v1/feedback')).toBe(1);
    expect(await s.calls('POST', '/api/v1/feedbacks/answer')).toBe(1);
  });

  it('refuses a read-only key and a key without «Вопросы и отзывы» before WB, keeping the draft', async () => {
    const readOnly = await shop({ readOnly: true });
    expect(await readOnly.send({ text: 'Черновик 1' })).toEqual({
      outcome: 'failed',
      code: 'read_only_key',
      message: expect.stringContaining('только для чтения'),
      draftText: 'Черновик 1',
    });
    const noScope = await shop({ categories: ['statistics'] });
    expect(await noScope.send({ text: 'Черновик 2' })).toEqual({
      outcome: 'failed',
      code: 'scope_missing',
      message: expect.stringContaining('«Вопросы и отзывы»'),
      draftText: 'Черновик 2',
    });
    for (const s of [readOnly, noScope]) {
      expect((await emulator.control.requests(s.seller.sid)).requests).toEqual([]);
      expect(await db.buyerAnswer.count({ where: { cabinetId: s.cabinet.id } })).toBe(0);
    }
  });

  it('maps WB’s own refusal of a write to the key problem, keeping the draft and freeing the slot', async () => {
    const replaced = await shop({ categories: ['statistics'], storedScopesFrom: ALL });
    expect(await replaced.send({ text: 'Черновик 3' })).toMatchObject({
      outcome: 'failed',
      code: 'scope_missing',
      draftText: 'Черновик 3',
    });
    const writeRefused = await shop({ readOnly: true, storedScopesFrom: ALL });
    expect(await writeRefused.send({ text: 'Черновик 4' })).toMatchObject({ outcome: 'failed', code: 'read_only_key' });
    const revoked = await shop();
    await emulator.control.revokeToken({ token: await tokenOf(revoked.cabinet.id) });
    expect(await revoked.send({ text: 'Черновик 5' })).toMatchObject({ outcome: 'failed', code: 'key_revoked' });
    for (const s of [replaced, writeRefused, revoked]) {
      expect((await emulator.control.review(s.seller.sid, s.review.id)).answer).toBeNull();
      expect(await db.buyerAnswer.findFirst({ where: { cabinetId: s.cabinet.id } })).toMatchObject({
        status: 'failed',
      });
    }
  });

  it('refuses a too short or too long answer before WB', async () => {
    const s = await shop();
    expect(await s.send({ text: ' ! ' })).toMatchObject({ outcome: 'failed', code: 'too_short', draftText: ' ! ' });
    expect(await s.send({ text: 'а'.repeat(5001) })).toMatchObject({ outcome: 'failed', code: 'too_long' });
    expect(await s.send({ text: 'а'.repeat(5000) })).toMatchObject({ outcome: 'sent' });
    expect(await s.calls('POST', '/api/v1/feedbacks/answer')).toBe(1);
  });

  it('says honestly when WB is down: unavailable after a 5xx storm, in doubt after no answer', async () => {
    const s = await shop();
    await emulator.control.injectFault({ method: 'feedbacks-answer', kind: '5xx', count: 3, status: 503 });
    expect(await s.send()).toMatchObject({
      outcome: 'failed',
      code: 'wb_unavailable',
      draftText: 'Простите! Заменим товар.',
    });
    expect((await emulator.control.review(s.seller.sid, s.review.id)).answer).toBeNull();
    // After a 5xx WB is asked first; it has nothing, so the answer is posted.
    expect(await s.send()).toMatchObject({ outcome: 'sent' });
    expect(await s.calls('GET', '/api/v1/feedback')).toBe(1);

    await emulator.control.injectFault({ method: 'questions-patch', kind: 'hang' });
    expect(await s.send({ kind: 'question', targetId: s.question.id, text: 'Да.', timeoutMs: 300 })).toMatchObject({
      outcome: 'in_doubt',
      answer: { status: 'sending' },
    });
  });

  it('edits an answer once; a second edit is refused, a repeated one is not posted again', async () => {
    const s = await shop();
    expect(await s.send({ edit: true, text: 'Правка' })).toMatchObject({ outcome: 'failed', code: 'edit_not_allowed' });
    await s.send();
    expect(await s.send({ edit: true, text: 'Простите! Уже отправили замену.' })).toMatchObject({
      outcome: 'sent',
      answer: { revision: 1, text: 'Простите! Уже отправили замену.' },
    });
    expect((await emulator.control.review(s.seller.sid, s.review.id)).answer).toEqual({
      text: 'Простите! Уже отправили замену.',
      editable: false,
    });
    expect(await db.wbReview.findFirstOrThrow({ where: { reviewId: s.review.id } })).toMatchObject({
      answerText: 'Простите! Уже отправили замену.',
    });
    expect(await s.send({ edit: true, text: 'Ещё правка' })).toMatchObject({
      outcome: 'failed',
      code: 'edit_not_allowed',
      draftText: 'Ещё правка',
    });
    expect(await s.send({ edit: true, text: 'Простите! Уже отправили замену.' })).toMatchObject({
      outcome: 'already_answered',
    });
    expect(await s.calls('PATCH', '/api/v1/feedbacks/answer')).toBe(1);
  });

  it('finds nothing for a non-member, another cabinet’s review or an unknown id', async () => {
    const s = await shop();
    const other = await shop();
    const stranger = await db.user.create({ data: { telegramId: BigInt(randomInt(1, 2 ** 47)) } });
    expect(await s.send({ userId: stranger.id })).toMatchObject({ outcome: 'failed', code: 'not_found' });
    expect(await s.send({ targetId: other.review.id })).toMatchObject({ outcome: 'failed', code: 'not_found' });
    expect(await s.send({ targetId: 'no-such-review' })).toMatchObject({ outcome: 'failed', code: 'not_found' });
    expect(await s.send({ cabinetId: 'not-a-uuid' })).toMatchObject({ outcome: 'failed', code: 'not_found' });
    expect((await emulator.control.requests(s.seller.sid)).requests).toEqual([]);
  });
});

async function tokenOf(cabinetId: string): Promise<string> {
  const cabinet = await db.cabinet.findUniqueOrThrow({ where: { id: cabinetId } });
  return decryptSecret(cabinet.tokenEncrypted, encryptionKey);
}
