import { afterEach, describe, expect, it } from 'vitest';
import { createSeller } from '../seller/create-seller.ts';
import { startTraffic } from '../generator.ts';
import { harness, T0, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

type Envelope = {
  data: {
    countUnanswered: number;
    countArchive: number;
    questions: {
      id: string;
      text: string;
      createdDate: string;
      state: string;
      answer: { text: string; editable: boolean } | null;
      productDetails: { nmId: number };
      wasViewed: boolean;
    }[];
  };
  error: boolean;
};

const list = async (query: string) => (await (await h.get(`/api/v1/questions?${query}`)).json()) as Envelope;

const patch = (body: unknown, token = h.token) =>
  fetch(`${h.emulator.url}/api/v1/questions`, {
    method: 'PATCH',
    headers: { Authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('questions', () => {
  it('lists unanswered questions newest first; an answer moves one to answered, and one edit is allowed', async () => {
    h = await harness();
    const nmId = h.seller.products[0]!.nmId;
    const a = await h.emulator.control.addQuestion(h.seller.sid, {
      nmId,
      text: 'Какой рост у модели?',
      at: T0 - 7_200_000,
    });
    await h.emulator.control.addQuestion(h.seller.sid, { at: T0 - 3_600_000 });
    const open = await list('isAnswered=false&take=10&skip=0');
    expect(open).toMatchObject({ error: false, data: { countUnanswered: 2, countArchive: 0 } });
    expect(open.data.questions.map((q) => q.id).at(-1)).toBe(a.id);
    expect(open.data.questions.at(-1)).toMatchObject({
      text: 'Какой рост у модели?',
      createdDate: '2026-11-27T10:00:00.000000000Z',
      state: 'suppliersPortalSynch',
      answer: null,
      productDetails: { nmId },
      wasViewed: false,
    });

    expect((await patch({ id: a.id, answer: { text: 'Рост модели 182 см' }, state: 'wbRu' })).status).toBe(200);
    const answered = await list('isAnswered=true&take=10&skip=0');
    expect(answered.data.questions.map((q) => q.id)).toEqual([a.id]);
    expect(answered.data.questions[0]).toMatchObject({
      state: 'wbRu',
      answer: { text: 'Рост модели 182 см', editable: true },
    });
    expect(answered.data).toMatchObject({ countUnanswered: 1, countArchive: 1 });

    expect((await patch({ id: a.id, answer: { text: 'Рост модели 180 см' }, state: 'wbRu' })).status).toBe(200);
    const edited = await patch({ id: a.id, answer: { text: 'Рост модели 181 см' }, state: 'wbRu' });
    expect(edited.status).toBe(422);
    expect(await edited.json()).toMatchObject({ error: true, errorText: 'Не удалось отредактировать вопрос' });
    expect(await h.emulator.control.question(h.seller.sid, a.id)).toMatchObject({
      wasViewed: true,
      answer: { text: 'Рост модели 180 см', editable: false },
    });
  });

  it('rejects take + skip over 10000, bad parameters and too short answers with the error envelope', async () => {
    h = await harness();
    for (const query of ['take=10&skip=0', 'isAnswered=false&take=5000&skip=5001', 'isAnswered=false&skip=0']) {
      const response = await h.get(`/api/v1/questions?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ data: null, error: true, errorText: expect.any(String) });
    }
    expect((await h.get('/api/v1/questions?isAnswered=false&take=5000&skip=5000')).status).toBe(200);
    const q = await h.emulator.control.addQuestion(h.seller.sid, { at: T0 - 60_000 });
    expect((await patch({ id: q.id, answer: { text: 'Д' }, state: 'wbRu' })).status).toBe(400);
    expect((await patch({ id: 'unknown', wasViewed: true })).status).toBe(404);
  });

  it('a read-only key may list but not answer', async () => {
    h = await harness();
    const q = await h.emulator.control.addQuestion(h.seller.sid, { at: T0 - 60_000 });
    const readOnly = await h.tokenFor({ readOnly: true });
    expect((await h.get('/api/v1/questions?isAnswered=false&take=1&skip=0', readOnly)).status).toBe(200);
    expect((await patch({ id: q.id, wasViewed: true }, readOnly)).status).toBe(403);
  });

  it('shares the category’s bucket with reviews: 6 at once for a Personal key, 1 for a Base key', async () => {
    h = await harness({ rateLimits: true });
    const path = '/api/v1/questions?isAnswered=false&take=1&skip=0';
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.get('/api/v1/feedbacks?isAnswered=false&take=1&skip=0')).status);
    for (let i = 0; i < 4; i++) statuses.push((await h.get(path)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
    const base = await h.tokenFor({ type: 'base' });
    expect((await h.get(path, base)).status).toBe(200);
    expect((await h.get('/api/v1/new-feedbacks-questions', base)).status).toBe(429);
  });

  it('new-feedbacks-questions turns true when an unseen question arrives, false once it is viewed', async () => {
    h = await harness();
    const poll = async () =>
      ((await (await h.get('/api/v1/new-feedbacks-questions')).json()) as { data: { hasNewQuestions: boolean } }).data
        .hasNewQuestions;
    expect(await poll()).toBe(false);
    const q = await h.emulator.control.addQuestion(h.seller.sid);
    expect(await poll()).toBe(true);
    await patch({ id: q.id, wasViewed: true });
    expect(await poll()).toBe(false);
  });
});

describe('question traffic', () => {
  it('questions come on their own stream: turning them on changes no order, sale or review', () => {
    const shop = (questionsPerDay: number) => {
      const seller = createSeller(1, 7, T0);
      startTraffic(seller, { ordersPerDay: 50, questionsPerDay }, T0 - 10 * 86_400_000);
      seller.advanceTo(T0);
      return seller;
    };
    const quiet = shop(0);
    const asking = shop(5);
    expect(quiet.questions).toHaveLength(0);
    expect(asking.questions.length).toBeGreaterThan(20);
    expect(asking.orders.map((o) => o.date)).toEqual(quiet.orders.map((o) => o.date));
    expect(asking.feedbacks.map((f) => f.id)).toEqual(quiet.feedbacks.map((f) => f.id));
    expect(asking.sales.length).toBe(quiet.sales.length);
  });

  it('reads one question by id, with its answer once given', async () => {
    h = await harness();
    const q = await h.emulator.control.addQuestion(h.seller.sid, { text: 'Есть M?', at: T0 - 60_000 });
    const one = async (id: string) => (await h.get(`/api/v1/question?id=${id}`)).json();
    expect(await one(q.id)).toMatchObject({
      data: { id: q.id, text: 'Есть M?', state: 'suppliersPortalSynch', answer: null },
      error: false,
    });
    await patch({ id: q.id, answer: { text: 'Да, есть' }, state: 'wbRu' });
    expect(await one(q.id)).toMatchObject({ data: { state: 'wbRu', answer: { text: 'Да, есть', editable: true } } });
    const unknown = await h.get('/api/v1/question?id=unknown');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: true, errorText: 'Невозможно получить вопрос по id' });
  });
});
