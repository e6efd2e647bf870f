import { createApiToken } from '@wb-assist/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCabinet } from './testing/fixtures.ts';
import { cabinetOf, gql, signedInUser, startTestApi, type TestApi } from './testing/harness.ts';

// Tenant isolation: user B (and an anonymous caller) tries every query and mutation with user
// A's ids and gets nothing: null, empty lists, or a typed ForbiddenError, never A's data.
// Subscriptions get the same treatment in subscriptions.int.test.ts.

let api: TestApi;
let a: {
  userId: string;
  token: string;
  cabinetId: string;
  notificationId: string;
  apiTokenId: string;
  templateId: string;
};
let b: { userId: string; token: string; cabinetId: string };

beforeAll(async () => {
  api = await startTestApi();
  const userA = await signedInUser(api.prisma, { firstName: 'Анна' });
  const cabinetA = await cabinetOf(api.prisma, userA.user.id, 'Кабинет А');
  const notification = await seedCabinet(api.prisma, cabinetA.id, userA.user.id);
  const apiToken = await createApiToken(api.prisma, { userId: userA.user.id, name: 'A integration' });
  const template = await api.prisma.answerTemplate.create({
    data: { cabinetId: cabinetA.id, title: 'Благодарность', text: 'Спасибо, {имя}!', createdByUserId: userA.user.id },
  });
  a = {
    userId: userA.user.id,
    token: userA.token,
    cabinetId: cabinetA.id,
    notificationId: notification.id.toString(),
    apiTokenId: apiToken.id,
    templateId: template.id,
  };
  const userB = await signedInUser(api.prisma, { firstName: 'Борис' });
  const cabinetB = await cabinetOf(api.prisma, userB.user.id, 'Кабинет Б');
  await seedCabinet(api.prisma, cabinetB.id, userB.user.id);
  b = { userId: userB.user.id, token: userB.token, cabinetId: cabinetB.id };
});
afterAll(async () => api?.close());

const EVERYTHING_OF_A_CABINET = `
  id name sellerId status myRole token { expiresAt categories warnings }
  syncProgress { percent } lastSync { id errors }
  notificationSettings { enabled newOrder }
  orders(first: 10) { totalCount edges { node { id srid priceWithDisc } } }
  sales(first: 10) { totalCount edges { node { id saleId } } }
  reviews(first: 10) { totalCount edges { node { id text answer { text authorName } } } }
  questions(first: 10) { totalCount edges { node { id text answer { text authorName } } } }
  answerTemplates { id title text }
  answerAccess { canWrite message }
  stocks(first: 10) { totalCount edges { node { id quantity } } }
  products(first: 10) { totalCount edges { node { id title } } }
  syncLogs(first: 10) { totalCount edges { node { id } } }
  notifications(first: 10) { totalCount edges { node { id } } }
  dailyStats(from: "2026-01-01", to: "2026-01-07") { date orders }
  topProducts(from: "2026-01-01", to: "2026-12-31") { nmId title orders }
  criticalStocks { nmId available }
  members { firstName username role }
`;

const callers = () => [
  { who: 'user B', token: b.token },
  { who: 'anonymous', token: undefined },
];

describe('queries with another user’s ids', () => {
  it('cabinet(id) answers null, with no error that names the data', async () => {
    for (const caller of callers()) {
      const result = await gql(api.url, `query($id: ID!) { cabinet(id: $id) { ${EVERYTHING_OF_A_CABINET} } }`, {
        variables: { id: a.cabinetId },
        token: caller.token,
      });
      expect(result.errors, caller.who).toBeUndefined();
      expect(result.data, caller.who).toEqual({ cabinet: null });
    }
  });

  it('cabinet(id) asked only for pages of data (the row is not read then) is null too', async () => {
    const pages = [
      'id',
      'orders(first: 5) { edges { node { id } } }',
      'sales(first: 5) { edges { node { id } } }',
      'reviews(first: 5) { edges { node { id } } }',
      'questions(first: 5) { edges { node { id } } }',
      'answerTemplates { id }',
      'stocks(first: 5) { edges { node { id } } }',
      'products(first: 5) { edges { node { id } } }',
      'syncLogs(first: 5) { edges { node { id } } }',
    ];
    for (const caller of callers()) {
      for (const page of pages) {
        const result = await gql(api.url, `query($id: ID!) { cabinet(id: $id) { __typename ${page} } }`, {
          variables: { id: a.cabinetId },
          token: caller.token,
        });
        expect(result.errors, `${caller.who}: ${page}`).toBeUndefined();
        expect(result.data, `${caller.who}: ${page}`).toEqual({ cabinet: null });
      }
    }
    const own = await gql<{ cabinet: { id: string; orders: { edges: unknown[] } } }>(
      api.url,
      'query($id: ID!) { cabinet(id: $id) { id orders(first: 50) { edges { node { id } } } } }',
      { variables: { id: a.cabinetId }, token: a.token },
    );
    expect(own.data?.cabinet).toMatchObject({ id: a.cabinetId, orders: { edges: expect.any(Array) } });
    expect(own.data?.cabinet.orders.edges).toHaveLength(5);
  });

  it('the owner does see the same cabinet (the query itself is sound)', async () => {
    const result = await gql<{ cabinet: { name: string; orders: { totalCount: number } } }>(
      api.url,
      `query($id: ID!) { cabinet(id: $id) { ${EVERYTHING_OF_A_CABINET} } }`,
      { variables: { id: a.cabinetId }, token: a.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.cabinet).toMatchObject({ name: 'Кабинет А', orders: { totalCount: 5 } });
  });

  it('viewer lists only the caller’s own cabinets, notifications and tokens', async () => {
    const result = await gql<{
      viewer: {
        id: string;
        cabinets: { cabinet: { id: string } }[];
        notifications: { edges: { node: { id: string } }[] };
        apiTokens: { id: string }[];
      };
    }>(
      api.url,
      `{ viewer { id cabinets { cabinet { id } } notifications(first: 50) { edges { node { id } } } apiTokens { id } } }`,
      { token: b.token },
    );
    expect(result.data?.viewer.id).toBe(b.userId);
    expect(result.data?.viewer.cabinets.map((m) => m.cabinet.id)).toEqual([b.cabinetId]);
    expect(result.data?.viewer.notifications.edges.map((e) => e.node.id)).not.toContain(a.notificationId);
    expect(result.data?.viewer.notifications.edges).toHaveLength(1);
    expect(result.data?.viewer.apiTokens).toEqual([]);
  });

  it('monitoring shows the caller’s own cabinets only, and nothing to an anonymous caller', async () => {
    const query = '{ monitoring { cabinets { cabinet { id } pendingNotifications } } }';
    const own = await gql<{ monitoring: { cabinets: { cabinet: { id: string } }[] } }>(api.url, query, {
      token: b.token,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data?.monitoring.cabinets.map((c) => c.cabinet.id)).toEqual([b.cabinetId]);
    expect((await gql(api.url, query)).data).toEqual({ monitoring: null });
  });

  it('anonymous viewer is null', async () => {
    expect((await gql(api.url, '{ viewer { id } }')).data).toEqual({ viewer: null });
  });

  it('a malformed or unknown id is null too', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      const result = await gql(api.url, 'query($id: ID!) { cabinet(id: $id) { id } }', {
        variables: { id },
        token: b.token,
      });
      expect(result.data).toEqual({ cabinet: null });
    }
  });
});

const forbiddenMutations = () => [
  {
    name: 'updateNotificationSettings',
    query: `mutation($id: ID!) { updateNotificationSettings(cabinetId: $id, patch: { enabled: false }) {
      __typename ... on ForbiddenError { message } ... on NotificationSettings { enabled } } }`,
  },
  {
    name: 'createInvite',
    query: `mutation($id: ID!) { createInvite(cabinetId: $id) {
      __typename ... on ForbiddenError { message } ... on Invite { code } } }`,
  },
  {
    name: 'leaveCabinet',
    query: `mutation($id: ID!) { leaveCabinet(cabinetId: $id) {
      __typename ... on ForbiddenError { message } ... on LeaveCabinetPayload { cabinetDeleted } } }`,
  },
  {
    name: 'answerReview',
    query: `mutation($id: ID!) { answerReview(cabinetId: $id, reviewId: "rev-a", text: "Спасибо за отзыв") {
      __typename ... on ForbiddenError { message } ... on AnswerPayload { outcome } } }`,
  },
  {
    name: 'answerQuestion',
    query: `mutation($id: ID!) { answerQuestion(cabinetId: $id, questionId: "q-a", text: "Да, есть") {
      __typename ... on ForbiddenError { message } ... on AnswerPayload { outcome } } }`,
  },
  {
    name: 'createAnswerTemplate',
    query: `mutation($id: ID!) { createAnswerTemplate(cabinetId: $id, title: "Чужой", text: "Спасибо, {имя}") {
      __typename ... on ForbiddenError { message } ... on AnswerTemplate { id } } }`,
  },
  {
    name: 'updateAnswerTemplate',
    query: `mutation($id: ID!, $templateId: ID!) {
      updateAnswerTemplate(cabinetId: $id, id: $templateId, title: "Взлом", text: "Взлом") {
      __typename ... on ForbiddenError { message } ... on AnswerTemplate { id } } }`,
  },
  {
    name: 'deleteAnswerTemplate',
    query: `mutation($id: ID!, $templateId: ID!) { deleteAnswerTemplate(cabinetId: $id, id: $templateId) {
      __typename ... on ForbiddenError { message } ... on DeleteAnswerTemplatePayload { id } } }`,
  },
  {
    name: 'requestSync',
    query: `mutation($id: ID!) { requestSync(cabinetId: $id) {
      __typename ... on ForbiddenError { message } ... on RequestSyncPayload { nextSyncAt } } }`,
  },
];

describe('mutations with another user’s cabinet id', () => {
  it('each answers ForbiddenError and changes nothing', async () => {
    for (const caller of callers()) {
      for (const mutation of forbiddenMutations()) {
        const result = await gql<Record<string, { __typename: string; message: string }>>(api.url, mutation.query, {
          variables: {
            id: a.cabinetId,
            ...(mutation.query.includes('$templateId') ? { templateId: a.templateId } : {}),
          },
          token: caller.token,
        });
        expect(result.errors, `${caller.who} ${mutation.name}`).toBeUndefined();
        expect(result.data?.[mutation.name]?.__typename, `${caller.who} ${mutation.name}`).toBe('ForbiddenError');
      }
    }
    const cabinet = await api.prisma.cabinet.findUniqueOrThrow({
      where: { id: a.cabinetId },
      include: { members: true, invites: true, notificationSettings: true },
    });
    expect(cabinet.members.map((m) => m.userId)).toEqual([a.userId]);
    expect(cabinet.invites).toEqual([]);
    expect(cabinet.notificationSettings.map((s) => s.notificationsEnabled)).toEqual([true]);
    expect(await api.prisma.answerTemplate.findMany({ where: { cabinetId: a.cabinetId } })).toMatchObject([
      { id: a.templateId, title: 'Благодарность', text: 'Спасибо, {имя}!' },
    ]);
    expect(await api.prisma.buyerAnswer.count({ where: { cabinetId: a.cabinetId } })).toBe(0);
  });

  it('A’s template and texts stay out of reach through B’s own cabinet id', async () => {
    const through = (name: string, query: string) =>
      gql<Record<string, { __typename: string; code?: string }>>(api.url, query, {
        variables: { id: b.cabinetId, templateId: a.templateId },
        token: b.token,
      }).then((result) => result.data?.[name]);
    expect(
      await through(
        'updateAnswerTemplate',
        `mutation($id: ID!, $templateId: ID!) { updateAnswerTemplate(cabinetId: $id, id: $templateId, title: "Взлом", text: "Взлом") {
          __typename ... on OperationError { code } } }`,
      ),
    ).toEqual({ __typename: 'OperationError', code: 'not_found' });
    expect(
      await through(
        'deleteAnswerTemplate',
        `mutation($id: ID!, $templateId: ID!) { deleteAnswerTemplate(cabinetId: $id, id: $templateId) {
          __typename ... on OperationError { code } } }`,
      ),
    ).toEqual({ __typename: 'OperationError', code: 'not_found' });
    expect(
      await through(
        'answerReview',
        `mutation($id: ID!) { answerReview(cabinetId: $id, reviewId: "rev-${a.cabinetId}", text: "Чужой ответ") {
          __typename ... on AnswerRefused { code } } }`,
      ),
    ).toEqual({ __typename: 'AnswerRefused', code: 'not_found' });
    expect(
      await through(
        'answerQuestion',
        `mutation($id: ID!) { answerQuestion(cabinetId: $id, questionId: "q-${a.cabinetId}", text: "Чужой ответ") {
          __typename ... on AnswerRefused { code } } }`,
      ),
    ).toEqual({ __typename: 'AnswerRefused', code: 'not_found' });
    const template = await api.prisma.answerTemplate.findUniqueOrThrow({ where: { id: a.templateId } });
    expect(template).toMatchObject({ title: 'Благодарность', text: 'Спасибо, {имя}!' });
    expect(await api.prisma.buyerAnswer.count()).toBe(0);
  });

  it('revokeApiToken with A’s token id answers false; A’s token keeps working', async () => {
    const result = await gql(
      api.url,
      'mutation($id: ID!) { revokeApiToken(id: $id) { __typename ... on MutationRevokeApiTokenSuccess { data } } }',
      {
        variables: { id: a.apiTokenId },
        token: b.token,
      },
    );
    expect(result.data).toEqual({ revokeApiToken: { __typename: 'MutationRevokeApiTokenSuccess', data: false } });
    const token = await api.prisma.apiToken.findUniqueOrThrow({ where: { id: a.apiTokenId } });
    expect(token.revokedAt).toBeNull();
  });

  it('anonymous callers cannot create tokens, socket tokens or connect cabinets', async () => {
    for (const [name, query] of [
      ['createApiToken', 'mutation { createApiToken(name: "x") { __typename } }'],
      ['createSocketToken', 'mutation { createSocketToken { __typename } }'],
      ['connectCabinet', 'mutation { connectCabinet(key: "x") { __typename } }'],
      ['acceptInvite', 'mutation { acceptInvite(code: "x") { __typename } }'],
    ] as const) {
      const result = await gql<Record<string, { __typename: string }>>(api.url, query);
      expect(result.data?.[name]?.__typename, name).toBe('ForbiddenError');
    }
  });
});
