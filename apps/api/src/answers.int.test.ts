import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@wb-assist/core';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator, type SellerSummary } from '@wb-assist/wb-emulator';
import { gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// Answering buyers over GraphQL, against the WB emulator: what a mutation reports is what WB
// holds afterwards, and every member's open subscription hears of it.

let emulator: RunningEmulator;
let api: TestApi;
let seller: SellerSummary;
let cabinetId: string;
let anna: { userId: string; token: string };
let boris: { userId: string; token: string };
const clients: Client[] = [];

const CONNECT = `mutation($key: String!) { connectCabinet(key: $key) {
  __typename ... on ConnectCabinetPayload { cabinet { id } } ... on Error { message } } }`;

async function connect(token: string, key: string): Promise<string> {
  const result = await gql<{ connectCabinet: { cabinet: { id: string } } }>(api.url, CONNECT, {
    variables: { key },
    token,
  });
  expect(result.data?.connectCabinet).toMatchObject({ cabinet: { id: expect.any(String) } });
  return result.data!.connectCabinet.cabinet.id;
}

/** A question the buyer asked on WB and the sync has stored. */
async function question(sid: string, inCabinet: string, text = 'Есть размер S?') {
  const asked = await emulator.control.addQuestion(sid, { text });
  await api.prisma.wbQuestion.create({
    data: { cabinetId: inCabinet, questionId: asked.id, nmId: asked.nmId, text, createdDate: new Date() },
  });
  return asked.id;
}

/** A review the buyer wrote on WB and the sync has stored. */
async function review(sid: string, inCabinet: string, valuation = 2) {
  const written = await emulator.control.addReview(sid, { valuation, text: 'Маломерит' });
  await api.prisma.wbReview.create({
    data: {
      cabinetId: inCabinet,
      reviewId: written.id,
      nmId: written.nmId,
      rating: valuation,
      text: 'Маломерит',
      userName: 'Ольга',
      createdDate: new Date(),
    },
  });
  return written.id;
}

const ANSWER_QUESTION = `mutation($id: ID!, $target: String!, $text: String!, $edit: Boolean) {
  answerQuestion(cabinetId: $id, questionId: $target, text: $text, edit: $edit) {
    __typename
    ... on AnswerPayload { outcome answer { text status authorName isViewer source revision }
      question { isAnswered answerText } }
    ... on AnswerRefused { code message draftText }
    ... on ForbiddenError { message } } }`;

const ANSWER_REVIEW = `mutation($id: ID!, $target: String!, $text: String!, $edit: Boolean) {
  answerReview(cabinetId: $id, reviewId: $target, text: $text, edit: $edit) {
    __typename
    ... on AnswerPayload { outcome answer { text status authorName source revision } review { isAnswered answerText } }
    ... on AnswerRefused { code message draftText }
    ... on ForbiddenError { message } } }`;

type Answered = {
  __typename: string;
  outcome?: string;
  code?: string;
  message?: string;
  draftText?: string;
  answer?: { text: string; status: string; authorName: string | null; source: string; revision: number };
};

async function answerQuestion(token: string, vars: { id?: string; target: string; text: string; edit?: boolean }) {
  const result = await gql<{ answerQuestion: Answered }>(api.url, ANSWER_QUESTION, {
    variables: { id: cabinetId, ...vars },
    token,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.answerQuestion;
}

async function answerReview(token: string, vars: { id?: string; target: string; text: string; edit?: boolean }) {
  const result = await gql<{ answerReview: Answered }>(api.url, ANSWER_REVIEW, {
    variables: { id: cabinetId, ...vars },
    token,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.answerReview;
}

beforeAll(async () => {
  emulator = await startEmulator({ seed: 23, profile: 'fast', publishIntervalMinutes: 0 });
  api = await startTestApi({ wb: { hosts: emulator.hosts, limiter: new MemoryRateLimiter(), timeoutMs: 5_000 } });
  seller = await emulator.control.createSeller({ name: 'ИП Ответы' });
  const { token: key } = await emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'feedbacks'],
  });
  const annaUser = await signedInUser(api.prisma, { firstName: 'Анна' });
  anna = { userId: annaUser.user.id, token: annaUser.token };
  cabinetId = await connect(anna.token, key);
  const borisUser = await signedInUser(api.prisma, { firstName: 'Борис' });
  boris = { userId: borisUser.user.id, token: borisUser.token };
  await api.prisma.cabinetUser.create({ data: { cabinetId, userId: boris.userId, role: 'member' } });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await api?.close();
  await emulator?.close();
});

describe('answerQuestion and answerReview', () => {
  it('posts the answer to WB once, names its author, and a second press posts nothing', async () => {
    const id = await question(seller.sid, cabinetId);
    const first = await answerQuestion(anna.token, { target: id, text: '  Да, есть все размеры.  ' });
    expect(first).toMatchObject({
      __typename: 'AnswerPayload',
      outcome: 'sent',
      answer: { text: 'Да, есть все размеры.', status: 'sent', authorName: 'Анна', source: 'web', revision: 0 },
      question: { isAnswered: true, answerText: 'Да, есть все размеры.' },
    });
    expect((await emulator.control.question(seller.sid, id)).answer?.text).toBe('Да, есть все размеры.');

    const again = await answerQuestion(boris.token, { target: id, text: 'Другой текст' });
    expect(again).toMatchObject({ outcome: 'already_answered', answer: { text: 'Да, есть все размеры.' } });
    expect((await emulator.control.question(seller.sid, id)).answer?.text).toBe('Да, есть все размеры.');
    const posts = (await emulator.control.requests(seller.sid)).requests.filter(
      (request) => request.path === '/api/v1/questions' && request.method === 'PATCH',
    );
    expect(posts).toHaveLength(1);
  });

  it('edits an answer once, as WB allows', async () => {
    const id = await review(seller.sid, cabinetId);
    expect(await answerReview(anna.token, { target: id, text: 'Спасибо за отзыв!' })).toMatchObject({
      outcome: 'sent',
      review: { isAnswered: true },
    });
    const edited = await answerReview(boris.token, {
      target: id,
      text: 'Спасибо, Ольга! Подберём размер.',
      edit: true,
    });
    expect(edited).toMatchObject({
      outcome: 'sent',
      answer: { text: 'Спасибо, Ольга! Подберём размер.', authorName: 'Борис', revision: 1 },
    });
    expect((await emulator.control.review(seller.sid, id)).answer?.text).toBe('Спасибо, Ольга! Подберём размер.');
    const reviews = await gql<{ cabinet: { reviews: { edges: { node: { answer: { text: string } } }[] } } }>(
      api.url,
      `query($id: ID!) { cabinet(id: $id) { reviews(first: 50, filter: { answered: true }) {
        edges { node { reviewId answer { text authorName } } } } } }`,
      { variables: { id: cabinetId }, token: anna.token },
    );
    expect(reviews.data?.cabinet.reviews.edges.map((edge) => edge.node)).toContainEqual({
      reviewId: id,
      answer: { text: 'Спасибо, Ольга! Подберём размер.', authorName: 'Борис' },
    });
  });

  it('refuses a text outside WB’s limits before calling WB, and hands the text back', async () => {
    const id = await question(seller.sid, cabinetId);
    for (const [text, code] of [
      ['Д', 'too_short'],
      ['Д'.repeat(5_001), 'too_long'],
    ] as const) {
      const refused = await answerQuestion(anna.token, { target: id, text });
      expect(refused).toMatchObject({ __typename: 'AnswerRefused', code, draftText: text });
      expect(refused.message).toMatch(/символ/);
    }
    expect((await emulator.control.question(seller.sid, id)).answer).toBeNull();
  });

  it('says plainly what to change when the key is read-only, keeping the draft', async () => {
    const owner = await signedInUser(api.prisma, { firstName: 'Вера' });
    const readOnlySeller = await emulator.control.createSeller({ name: 'ИП Только чтение' });
    const { token: key } = await emulator.control.createToken({
      sid: readOnlySeller.sid,
      categories: ['statistics', 'feedbacks'],
      readOnly: true,
    });
    const readOnlyCabinet = await connect(owner.token, key);
    const id = await question(readOnlySeller.sid, readOnlyCabinet);
    const access = await gql<{ cabinet: { answerAccess: { canWrite: boolean; code: string; message: string } } }>(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { answerAccess { canWrite code message } } }',
      { variables: { id: readOnlyCabinet }, token: owner.token },
    );
    expect(access.data?.cabinet.answerAccess).toMatchObject({ canWrite: false, code: 'read_only_key' });
    expect(access.data?.cabinet.answerAccess.message).toMatch(/чтения/);

    const refused = await answerQuestion(owner.token, { id: readOnlyCabinet, target: id, text: 'Да, есть.' });
    expect(refused).toMatchObject({ __typename: 'AnswerRefused', code: 'read_only_key', draftText: 'Да, есть.' });
    expect((await emulator.control.question(readOnlySeller.sid, id)).answer).toBeNull();
  });

  it('tells before anyone types that a key WB refused cannot answer either', async () => {
    const owner = await signedInUser(api.prisma, { firstName: 'Глеб' });
    const refusedSeller = await emulator.control.createSeller({ name: 'ИП Отозванный' });
    const { token: key } = await emulator.control.createToken({
      sid: refusedSeller.sid,
      categories: ['statistics', 'feedbacks'],
    });
    const refusedCabinet = await connect(owner.token, key);
    // What the sync records when WB answers 401 to the stored key.
    await api.prisma.cabinet.update({ where: { id: refusedCabinet }, data: { status: 'key_invalid' } });
    const access = await gql<{ cabinet: { answerAccess: { canWrite: boolean; code: string; message: string } } }>(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { answerAccess { canWrite code message } } }',
      { variables: { id: refusedCabinet }, token: owner.token },
    );
    expect(access.data?.cabinet.answerAccess).toMatchObject({ canWrite: false, code: 'key_revoked' });
    expect(access.data?.cabinet.answerAccess.message).toMatch(/Доступ к API/);
  });

  it('marks an integrator’s answer as sent through the API', async () => {
    const id = await question(seller.sid, cabinetId);
    const { token } = await createApiToken(api.prisma, { userId: anna.userId, name: 'CRM' });
    expect(await answerQuestion(token, { target: id, text: 'Ответ из CRM' })).toMatchObject({
      outcome: 'sent',
      answer: { source: 'api', authorName: 'Анна' },
    });
  });

  it('finds nothing of another cabinet through the caller’s own cabinet id', async () => {
    const outsider = await signedInUser(api.prisma, { firstName: 'Чужой' });
    const otherSeller = await emulator.control.createSeller({ name: 'ИП Чужой' });
    const { token: key } = await emulator.control.createToken({
      sid: otherSeller.sid,
      categories: ['statistics', 'feedbacks'],
    });
    const ownCabinet = await connect(outsider.token, key);
    const id = await question(seller.sid, cabinetId);
    const refused = await answerQuestion(outsider.token, { id: ownCabinet, target: id, text: 'Чужой ответ' });
    expect(refused).toMatchObject({ __typename: 'AnswerRefused', code: 'not_found' });
    expect((await emulator.control.question(seller.sid, id)).answer).toBeNull();
  });
});

describe('reply templates', () => {
  const LIST = 'query($id: ID!) { cabinet(id: $id) { answerTemplates { id title text } } }';
  const list = async (token: string, id = cabinetId) =>
    (
      await gql<{ cabinet: { answerTemplates: { id: string; title: string; text: string }[] } | null }>(api.url, LIST, {
        variables: { id },
        token,
      })
    ).data?.cabinet?.answerTemplates;

  it('are shared by the members of a cabinet: created by one, changed and deleted by another', async () => {
    const created = await gql<{ createAnswerTemplate: { __typename: string; id: string } }>(
      api.url,
      `mutation($id: ID!) { createAnswerTemplate(cabinetId: $id, title: "Благодарность", text: "Спасибо, {имя}!") {
        __typename ... on AnswerTemplate { id } } }`,
      { variables: { id: cabinetId }, token: anna.token },
    );
    expect(created.data?.createAnswerTemplate.__typename).toBe('AnswerTemplate');
    const templateId = created.data!.createAnswerTemplate.id;
    expect(await list(boris.token)).toContainEqual({ id: templateId, title: 'Благодарность', text: 'Спасибо, {имя}!' });

    const updated = await gql(
      api.url,
      `mutation($id: ID!, $t: ID!) { updateAnswerTemplate(cabinetId: $id, id: $t, title: "Спасибо", text: "Спасибо за {товар}!") {
        __typename } }`,
      { variables: { id: cabinetId, t: templateId }, token: boris.token },
    );
    expect(updated.data).toEqual({ updateAnswerTemplate: { __typename: 'AnswerTemplate' } });
    expect(await list(anna.token)).toContainEqual({ id: templateId, title: 'Спасибо', text: 'Спасибо за {товар}!' });

    const deleted = await gql(
      api.url,
      'mutation($id: ID!, $t: ID!) { deleteAnswerTemplate(cabinetId: $id, id: $t) { __typename } }',
      { variables: { id: cabinetId, t: templateId }, token: boris.token },
    );
    expect(deleted.data).toEqual({ deleteAnswerTemplate: { __typename: 'DeleteAnswerTemplatePayload' } });
    expect((await list(anna.token))?.map((template) => template.id)).not.toContain(templateId);
  });

  it('refuses a template WB could not take as an answer, with a Russian reason', async () => {
    const result = await gql<{ createAnswerTemplate: { __typename: string; code: string; message: string } }>(
      api.url,
      `mutation($id: ID!) { createAnswerTemplate(cabinetId: $id, title: "  ", text: "Спасибо") {
        __typename ... on OperationError { code message } } }`,
      { variables: { id: cabinetId }, token: anna.token },
    );
    expect(result.data?.createAnswerTemplate).toMatchObject({ __typename: 'OperationError', code: 'title_missing' });
    expect(result.data?.createAnswerTemplate.message).toMatch(/название/i);
  });
});

describe('buyerAnswerChanged', () => {
  function socket(token: string): Client {
    const client = createClient({
      url: api.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { token },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  const SUBSCRIPTION = `subscription($id: ID!) { buyerAnswerChanged(cabinetId: $id) {
    kind targetId answer { text status authorName } question { isAnswered } } }`;

  type Change = { kind: string; targetId: string; answer: { text: string; status: string; authorName: string } };
  type Changes = AsyncIterableIterator<{ data?: { buyerAnswerChanged: Change } | null }>;

  function subscribe(token: string): Changes {
    return socket(token).iterate<{ buyerAnswerChanged: Change }>({ query: SUBSCRIPTION, variables: { id: cabinetId } });
  }

  let asked = 0;
  /** Anna answers a new question; resolves with its id and text once the mutation reported it sent. */
  async function annaAnswers(): Promise<{ id: string; text: string }> {
    asked += 1;
    const id = await question(seller.sid, cabinetId, `Когда поставка? ${asked}`);
    const text = `В пятницу, партия ${asked}.`;
    expect(await answerQuestion(anna.token, { target: id, text })).toMatchObject({ outcome: 'sent' });
    return { id, text };
  }

  /** The next change that reports an answer sent (each send is told twice: claimed, then sent). */
  async function nextSent(changes: Changes, first?: ReturnType<Changes['next']>): Promise<Change> {
    let result = await (first ?? changes.next());
    while (result.value?.data?.buyerAnswerChanged.answer.status !== 'sent') {
      if (result.done) throw new Error('the subscription ended');
      result = await changes.next();
    }
    return result.value.data.buyerAnswerChanged;
  }

  /**
   * The subscription is live once the server ran its subscribe resolver, which the client cannot
   * observe: Anna answers one question after another until the socket hears of one. Resolves
   * with the last answer's change, so every earlier event has been read.
   */
  async function answerUntilHeard(changes: Changes): Promise<{ change: Change; answered: Map<string, string> }> {
    const next = changes.next();
    let arrived = false;
    void next.finally(() => (arrived = true));
    const answered = new Map<string, string>();
    let last = '';
    while (!arrived) {
      const { id, text } = await annaAnswers();
      answered.set(id, text);
      last = id;
      await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 150))]);
    }
    let change = await nextSent(changes, next);
    while (change.targetId !== last) change = await nextSent(changes);
    return { change, answered };
  }

  it('tells another member’s open socket who answered, as it happens', async () => {
    const changes = subscribe(boris.token);
    const { change, answered } = await answerUntilHeard(changes);
    expect(change).toMatchObject({ kind: 'question', answer: { authorName: 'Анна' }, question: { isAnswered: true } });
    expect(change.answer.text).toBe(answered.get(change.targetId));
    await changes.return?.();
  });

  it('stops telling a member once they left the cabinet, and tells them again after they rejoin', async () => {
    const vera = await signedInUser(api.prisma, { firstName: 'Вера' });
    const membership = { cabinetId, userId: vera.user.id };
    await api.prisma.cabinetUser.create({ data: { ...membership, role: 'member' } });
    const changes = subscribe(vera.token);
    await answerUntilHeard(changes);
    // Boris's socket, subscribed after Vera's, is handed each event after hers: once he hears the
    // answer made while she is away, her socket has already asked whether she may see it.
    const witness = subscribe(boris.token);
    const { change: lastBeforeLeaving } = await answerUntilHeard(witness);
    for (let seen = await nextSent(changes); seen.targetId !== lastBeforeLeaving.targetId;)
      seen = await nextSent(changes);

    await api.prisma.cabinetUser.delete({ where: { cabinetId_userId: membership } });
    const whileAway = await annaAnswers();
    for (let heard = await nextSent(witness); heard.targetId !== whileAway.id;) heard = await nextSent(witness);
    await witness.return?.();
    await api.prisma.cabinetUser.create({ data: { ...membership, role: 'member' } });
    const afterRejoining = await annaAnswers();
    // Events of one socket arrive in order: had the answer made while she was away reached her,
    // it would come first.
    const change = await nextSent(changes);
    expect(change.targetId).not.toBe(whileAway.id);
    expect(change).toMatchObject({ targetId: afterRejoining.id, answer: { text: afterRejoining.text } });
    await changes.return?.();
  });

  it('gives a non-member nothing of the cabinet’s answers', async () => {
    const outsider = await signedInUser(api.prisma, { firstName: 'Чужой' });
    const iterator = socket(outsider.token).iterate({ query: SUBSCRIPTION, variables: { id: cabinetId } });
    const result = await iterator.next().catch((error: unknown) => ({ thrown: error }));
    expect(JSON.stringify(result)).toMatch(/Нет доступа|Forbidden|Not authorized/i);
    expect(JSON.stringify(result)).not.toMatch(/targetId/);
  });
});
