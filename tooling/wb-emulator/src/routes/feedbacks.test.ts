import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

type Envelope = {
  data: {
    countUnanswered: number;
    countArchive: number;
    feedbacks: {
      id: string;
      productValuation: number;
      createdDate: string;
      answer: unknown;
      productDetails: { nmId: number };
    }[];
  };
  error: boolean;
  errorText: string;
  additionalErrors: null;
};

const list = async (query: string) => (await (await h.get(`/api/v1/feedbacks?${query}`)).json()) as Envelope;

describe('feedbacks', () => {
  it('lists unanswered and answered separately in WB’s envelope with counts', async () => {
    h = await harness();
    const a = await h.emulator.control.addReview(h.seller.sid, { valuation: 1, text: 'Брак', at: T0 - 7_200_000 });
    await h.emulator.control.addReview(h.seller.sid, { valuation: 5, at: T0 - 3_600_000 });
    const unanswered = await list('isAnswered=false&take=10&skip=0');
    expect(unanswered).toMatchObject({
      error: false,
      errorText: '',
      additionalErrors: null,
      data: { countUnanswered: 2, countArchive: 0 },
    });
    expect(unanswered.data.feedbacks.map((f) => f.productValuation)).toEqual([5, 1]);
    expect(unanswered.data.feedbacks[1]?.createdDate).toBe('2026-11-27T13:00:00+03:00');
    const answer = await h.post('/api/v1/feedbacks/answer', { id: a.id, text: 'Приносим извинения, свяжитесь с нами' });
    expect(answer.status).toBe(204);
    const answered = await list('isAnswered=true&take=10&skip=0');
    expect(answered.data.feedbacks.map((f) => f.id)).toEqual([a.id]);
    expect(answered.data).toMatchObject({ countUnanswered: 1, countArchive: 1 });
  });

  it('filters by nmId, dates (Unix seconds), order, take and skip', async () => {
    h = await harness();
    const nmId = h.seller.products[0]?.nmId ?? 0;
    for (let i = 0; i < 4; i++)
      await h.emulator.control.addReview(h.seller.sid, { nmId, valuation: 5, at: T0 - (4 - i) * 3_600_000 });
    await h.emulator.control.addReview(h.seller.sid, { nmId: h.seller.products[1]?.nmId, at: T0 - 60_000 });
    expect((await list(`isAnswered=false&take=10&skip=0&nmId=${nmId}`)).data.feedbacks).toHaveLength(4);
    const asc = await list(`isAnswered=false&take=2&skip=1&nmId=${nmId}&order=dateAsc`);
    expect(asc.data.feedbacks.map((f) => f.createdDate)).toEqual([
      '2026-11-27T12:00:00+03:00',
      '2026-11-27T13:00:00+03:00',
    ]);
    const from = Math.floor((T0 - 2.5 * 3_600_000) / 1000);
    expect((await list(`isAnswered=false&take=10&skip=0&nmId=${nmId}&dateFrom=${from}`)).data.feedbacks).toHaveLength(
      2,
    );
  });

  it('rejects a missing isAnswered, take above 5000 and skip above 199990 with the error envelope', async () => {
    h = await harness();
    for (const query of [
      'take=10&skip=0',
      'isAnswered=false&take=5001&skip=0',
      'isAnswered=false&take=10&skip=199991',
      'isAnswered=false&skip=0',
    ]) {
      const response = await h.get(`/api/v1/feedbacks?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        data: null,
        error: true,
        errorText: expect.any(String),
        additionalErrors: null,
      });
    }
  });

  it('answers 400 to an answer without JSON content-type; an unknown id is not an error', async () => {
    h = await harness();
    const url = `${h.emulator.url}/api/v1/feedbacks/answer`;
    const noType = await fetch(url, {
      method: 'POST',
      headers: { Authorization: h.token },
      body: new Uint8Array(Buffer.from('{}')),
    });
    expect(noType.status).toBe(400);
    expect(await noType.json()).toMatchObject({
      title: 'bad request',
      origin: 'fbapi',
      detail: 'content-type header not specified',
    });
    const text = await fetch(url, {
      method: 'POST',
      headers: { Authorization: h.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(await text.json()).toMatchObject({ detail: 'not a json content-type: text/plain' });
    expect((await h.post('/api/v1/feedbacks/answer', { id: 'unknownunknownunknow', text: 'Спасибо' })).status).toBe(
      204,
    );
  });

  it('reads one review by id, and lets its answer be edited once', async () => {
    h = await harness();
    const review = await h.emulator.control.addReview(h.seller.sid, { valuation: 2, at: T0 - 60_000 });
    const one = async (id: string) => h.get(`/api/v1/feedback?id=${id}`);
    expect(await (await one(review.id)).json()).toMatchObject({
      data: { id: review.id, productValuation: 2, answer: null, state: 'none' },
      error: false,
    });
    expect((await one('unknownunknownunknow')).status).toBe(422);
    expect(await (await one('unknownunknownunknow')).json()).toMatchObject({
      error: true,
      errorText: 'Невозможно получить отзыв по id',
    });

    const edit = (text: string) =>
      fetch(`${h.emulator.url}/api/v1/feedbacks/answer`, {
        method: 'PATCH',
        headers: { Authorization: h.token, 'content-type': 'application/json' },
        body: JSON.stringify({ id: review.id, text }),
      });
    expect((await edit('Нечего править')).status).toBe(422);
    expect((await h.post('/api/v1/feedbacks/answer', { id: review.id, text: 'Простите' })).status).toBe(204);
    expect(await (await one(review.id)).json()).toMatchObject({
      data: { answer: { text: 'Простите', state: 'wbRu', editable: true }, state: 'wbRu' },
    });
    expect((await edit('Простите, заменим')).status).toBe(204);
    expect((await edit('Ещё раз')).status).toBe(422);
    expect(await h.emulator.control.review(h.seller.sid, review.id)).toMatchObject({
      answer: { text: 'Простите, заменим', editable: false },
    });
  });

  it('holds a write’s reply after applying it, and logs each request’s method', async () => {
    h = await harness();
    const review = await h.emulator.control.addReview(h.seller.sid, { at: T0 - 60_000 });
    await h.emulator.control.holdReplies({ method: 'feedbacks-answer', ms: 5_000 });
    const cut = await fetch(`${h.emulator.url}/api/v1/feedbacks/answer`, {
      method: 'POST',
      headers: { Authorization: h.token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: review.id, text: 'Спасибо!' }),
      signal: AbortSignal.timeout(200),
    }).catch((error: Error) => error.name);
    expect(cut).toBe('TimeoutError');
    expect((await h.emulator.control.review(h.seller.sid, review.id)).answer?.text).toBe('Спасибо!');
    // Only the held number of writes wait; reads never do.
    expect((await h.post('/api/v1/feedbacks/answer', { id: review.id, text: 'Спасибо!!' })).status).toBe(204);
    const { requests } = await h.emulator.control.requests(h.seller.sid);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/feedbacks/answer',
      'POST /api/v1/feedbacks/answer',
    ]);
  });

  it('new-feedbacks-questions turns true when an unseen review arrives', async () => {
    h = await harness();
    const poll = async () =>
      ((await (await h.get('/api/v1/new-feedbacks-questions')).json()) as { data: { hasNewFeedbacks: boolean } }).data
        .hasNewFeedbacks;
    expect(await poll()).toBe(false);
    await h.emulator.control.addReview(h.seller.sid);
    expect(await poll()).toBe(true);
  });
});

describe('feedback photos', () => {
  it('attaches WB-shaped photo links to some reviews and null to the rest', async () => {
    h = await harness();
    for (let i = 0; i < 40; i++) await h.emulator.control.addReview(h.seller.sid, { at: T0 - i * 60_000 });
    const body = (await (await h.get('/api/v1/feedbacks?isAnswered=false&take=100&skip=0')).json()) as {
      data: { feedbacks: { photoLinks: { fullSize: string; miniSize: string }[] | null }[] };
    };
    const withPhotos = body.data.feedbacks.filter((f) => f.photoLinks !== null);
    expect(withPhotos.length).toBeGreaterThan(0);
    expect(withPhotos.length).toBeLessThan(40);
    expect(withPhotos[0]?.photoLinks?.[0]?.fullSize).toMatch(
      /^https:\/\/feedback0\d\.wbbasket\.ru\/vol\d+\/part\d+\/\d+\/photos\/fs\.webp$/,
    );
  });
});
