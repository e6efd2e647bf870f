import { startEmulator, type RunningEmulator } from '../index.ts';
import type { FaultKind } from '../faults.ts';

export type Context = {
  emulator: RunningEmulator;
  token: string;
  baseToken: string;
  contentOnlyToken: string;
  readOnlyToken: string;
  feedbackId: string;
  /** A review with an answer that may still be edited once. */
  answeredFeedbackId: string;
  questionId: string;
  taskId: string;
};

export type Case = {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path as the OpenAPI file names it. */
  specPath: string;
  label: string;
  /** Fault to inject first (429 comes from the same code path as the real limiter's). */
  fault?: { method: string; kind: FaultKind };
  request: (ctx: Context) => { path: string; token?: string | null; body?: unknown; contentType?: string | null };
};

const today = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
const monthAgo = () => new Date(Date.now() + 3 * 3_600_000 - 30 * 86_400_000).toISOString().slice(0, 10);
const NO_TOKEN = { token: null };

/** Happy paths and the documented errors (400/401/403/429) for every implemented endpoint. */
export const CASES: Case[] = [
  ...statistics('/api/v1/supplier/orders', 'orders'),
  ...statistics('/api/v1/supplier/sales', 'sales'),
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains',
    label: '200',
    request: () => ({ path: '/api/v1/warehouse_remains?groupByNm=true' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains',
    label: '400',
    request: () => ({ path: '/api/v1/warehouse_remains?groupByNm=maybe' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains',
    label: '401',
    request: () => ({ path: '/api/v1/warehouse_remains', ...NO_TOKEN }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains',
    label: '429',
    fault: { method: 'warehouse-remains-create', kind: '429' },
    request: () => ({ path: '/api/v1/warehouse_remains' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/status',
    label: '200',
    request: (c) => ({ path: `/api/v1/warehouse_remains/tasks/${c.taskId}/status` }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/status',
    label: '400',
    request: () => ({ path: '/api/v1/warehouse_remains/tasks/2f071556-ae39-492f-fd8cf1eb0d25/status' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/status',
    label: '404',
    request: () => ({ path: '/api/v1/warehouse_remains/tasks/06e06887-9d9f-491f-b16a-bb1766fcb8d2/status' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/download',
    label: '200',
    request: (c) => ({ path: `/api/v1/warehouse_remains/tasks/${c.taskId}/download` }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/download',
    label: '404',
    request: () => ({ path: '/api/v1/warehouse_remains/tasks/06e06887-9d9f-491f-b16a-bb1766fcb8d2/download' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/warehouse_remains/tasks/{task_id}/download',
    label: '401',
    request: (c) => ({ path: `/api/v1/warehouse_remains/tasks/${c.taskId}/download`, ...NO_TOKEN }),
  },
  ...stocksReport(),
  ...feedbacks(),
  ...questions(),
  ...cards(),
  { method: 'GET', specPath: '/api/v1/seller-info', label: '200', request: () => ({ path: '/api/v1/seller-info' }) },
  {
    method: 'GET',
    specPath: '/api/v1/seller-info',
    label: '401',
    request: () => ({ path: '/api/v1/seller-info', token: 'garbage' }),
  },
  {
    method: 'GET',
    specPath: '/api/v1/seller-info',
    label: '429',
    fault: { method: 'seller-info', kind: '429' },
    request: () => ({ path: '/api/v1/seller-info' }),
  },
  { method: 'GET', specPath: '/ping', label: '200', request: () => ({ path: '/ping' }) },
  { method: 'GET', specPath: '/ping', label: '401', request: () => ({ path: '/ping', ...NO_TOKEN }) },
  {
    method: 'GET',
    specPath: '/ping',
    label: '429',
    fault: { method: 'ping', kind: '429' },
    request: () => ({ path: '/ping' }),
  },
  ...orderFeed(),
];

/** The order feed: a period within the last 31 days, `limit` up to 10,000, one call a minute. */
function orderFeed(): Case[] {
  const path = '/api/analytics/v1/order-feed';
  const body = (days: number) => ({
    selectedPeriod: { start: new Date(Date.now() - days * 86_400_000).toISOString(), end: new Date().toISOString() },
    pagination: { limit: 100 },
  });
  return [
    { method: 'POST', specPath: path, label: '200', request: () => ({ path, body: body(7) }) },
    { method: 'POST', specPath: path, label: '400 older than 31 days', request: () => ({ path, body: body(40) }) },
    { method: 'POST', specPath: path, label: '401', request: () => ({ path, body: body(7), ...NO_TOKEN }) },
    {
      method: 'POST',
      specPath: path,
      label: '429',
      fault: { method: 'order-feed', kind: '429' },
      request: () => ({ path, body: body(7) }),
    },
  ];
}

function statistics(path: string, fault: string): Case[] {
  return [
    { method: 'GET', specPath: path, label: '200', request: () => ({ path: `${path}?dateFrom=${monthAgo()}` }) },
    {
      method: 'GET',
      specPath: path,
      label: '200 flag=1',
      request: () => ({ path: `${path}?dateFrom=${today()}&flag=1` }),
    },
    { method: 'GET', specPath: path, label: '400 missing dateFrom', request: () => ({ path }) },
    { method: 'GET', specPath: path, label: '400 bad dateFrom', request: () => ({ path: `${path}?dateFrom=soon` }) },
    {
      method: 'GET',
      specPath: path,
      label: '401',
      request: () => ({ path: `${path}?dateFrom=${today()}`, token: 'a.b.c' }),
    },
    {
      method: 'GET',
      specPath: path,
      label: '429',
      fault: { method: fault, kind: '429' },
      request: () => ({ path: `${path}?dateFrom=${today()}` }),
    },
  ];
}

function stocksReport(): Case[] {
  const path = '/api/analytics/v1/stocks-report/wb-warehouses';
  return [
    { method: 'POST', specPath: path, label: '200', request: () => ({ path, body: { limit: 1000, offset: 0 } }) },
    { method: 'POST', specPath: path, label: '400', request: () => ({ path, body: { limit: 300_000 } }) },
    { method: 'POST', specPath: path, label: '401', request: () => ({ path, body: {}, ...NO_TOKEN }) },
    {
      method: 'POST',
      specPath: path,
      label: '403 base token',
      request: (c) => ({ path, body: {}, token: c.baseToken }),
    },
    {
      method: 'POST',
      specPath: path,
      label: '429',
      fault: { method: 'stocks-report', kind: '429' },
      request: () => ({ path, body: {} }),
    },
  ];
}

function feedbacks(): Case[] {
  const list = '/api/v1/feedbacks';
  const poll = '/api/v1/new-feedbacks-questions';
  const answer = '/api/v1/feedbacks/answer';
  return [
    {
      method: 'GET',
      specPath: list,
      label: '200 unanswered',
      request: () => ({ path: `${list}?isAnswered=false&take=100&skip=0` }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '200 answered',
      request: () => ({ path: `${list}?isAnswered=true&take=100&skip=0&order=dateAsc` }),
    },
    { method: 'GET', specPath: list, label: '400', request: () => ({ path: `${list}?take=100&skip=0` }) },
    {
      method: 'GET',
      specPath: list,
      label: '401',
      request: () => ({ path: `${list}?isAnswered=false&take=1&skip=0`, ...NO_TOKEN }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '403 no category',
      request: (c) => ({ path: `${list}?isAnswered=false&take=1&skip=0`, token: c.contentOnlyToken }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '429',
      fault: { method: 'feedbacks', kind: '429' },
      request: () => ({ path: `${list}?isAnswered=false&take=1&skip=0` }),
    },
    { method: 'GET', specPath: poll, label: '200', request: () => ({ path: poll }) },
    { method: 'GET', specPath: poll, label: '401', request: () => ({ path: poll, ...NO_TOKEN }) },
    {
      method: 'POST',
      specPath: answer,
      label: '204',
      request: (c) => ({ path: answer, body: { id: c.feedbackId, text: 'Спасибо за отзыв!' } }),
    },
    {
      method: 'POST',
      specPath: answer,
      label: '400',
      request: () => ({ path: answer, body: { id: 'x', text: 'ok' }, contentType: null }),
    },
    {
      method: 'POST',
      specPath: answer,
      label: '401',
      request: () => ({ path: answer, body: { id: 'x', text: 'Спасибо' }, ...NO_TOKEN }),
    },
    {
      method: 'PATCH',
      specPath: answer,
      label: '204',
      request: (c) => ({ path: answer, body: { id: c.answeredFeedbackId, text: 'Спасибо, что выбрали нас снова!' } }),
    },
    {
      method: 'PATCH',
      specPath: answer,
      label: '401',
      request: (c) => ({ path: answer, body: { id: c.answeredFeedbackId, text: 'Спасибо' }, ...NO_TOKEN }),
    },
    {
      method: 'POST',
      specPath: answer,
      label: '401 read-only key',
      request: (c) => ({ path: answer, body: { id: c.feedbackId, text: 'Спасибо' }, token: c.readOnlyToken }),
    },
    {
      method: 'PATCH',
      specPath: answer,
      label: '429',
      fault: { method: 'feedbacks-answer-patch', kind: '429' },
      request: (c) => ({ path: answer, body: { id: c.answeredFeedbackId, text: 'Спасибо' } }),
    },
    ...byId('/api/v1/feedback', 'feedback', 401, (c) => c.answeredFeedbackId),
  ];
}

/** `GET /api/v1/feedback?id=` and `/api/v1/question?id=`: one item, or WB's 422 for an unknown id. */
function byId(path: string, fault: string, noCategory: 401 | 403, id: (c: Context) => string): Case[] {
  return [
    { method: 'GET', specPath: path, label: '200', request: (c) => ({ path: `${path}?id=${id(c)}` }) },
    {
      method: 'GET',
      specPath: path,
      label: '422 unknown id',
      request: () => ({ path: `${path}?id=nosuchidnosuchidnosu` }),
    },
    { method: 'GET', specPath: path, label: '401', request: (c) => ({ path: `${path}?id=${id(c)}`, ...NO_TOKEN }) },
    {
      method: 'GET',
      specPath: path,
      label: `${noCategory} no category`,
      request: (c) => ({ path: `${path}?id=${id(c)}`, token: c.contentOnlyToken }),
    },
    {
      method: 'GET',
      specPath: path,
      label: '429',
      fault: { method: fault, kind: '429' },
      request: (c) => ({ path: `${path}?id=${id(c)}` }),
    },
  ];
}

function questions(): Case[] {
  const list = '/api/v1/questions';
  const count = '/api/v1/questions/count-unanswered';
  const page = (query: string) => `${list}?${query}`;
  return [
    {
      method: 'GET',
      specPath: list,
      label: '200 unanswered',
      request: () => ({ path: page('isAnswered=false&take=100&skip=0') }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '200 answered',
      request: () => ({ path: page('isAnswered=true&take=100&skip=0&order=dateAsc') }),
    },
    { method: 'GET', specPath: list, label: '400', request: () => ({ path: page('take=100&skip=0') }) },
    {
      method: 'GET',
      specPath: list,
      label: '400 take + skip over 10000',
      request: () => ({ path: page('isAnswered=false&take=5000&skip=6000') }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '401',
      request: () => ({ path: page('isAnswered=false&take=1&skip=0'), ...NO_TOKEN }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '403 no category',
      request: (c) => ({ path: page('isAnswered=false&take=1&skip=0'), token: c.contentOnlyToken }),
    },
    {
      method: 'GET',
      specPath: list,
      label: '429',
      fault: { method: 'questions', kind: '429' },
      request: () => ({ path: page('isAnswered=false&take=1&skip=0') }),
    },
    { method: 'GET', specPath: count, label: '200', request: () => ({ path: count }) },
    { method: 'GET', specPath: count, label: '401', request: () => ({ path: count, ...NO_TOKEN }) },
    {
      method: 'PATCH',
      specPath: list,
      label: '200 viewed',
      request: (c) => ({ path: list, body: { id: c.questionId, wasViewed: true } }),
    },
    {
      method: 'PATCH',
      specPath: list,
      label: '200 answered',
      request: (c) => ({
        path: list,
        body: { id: c.questionId, answer: { text: 'Рост модели 182 см' }, state: 'wbRu' },
      }),
    },
    {
      method: 'PATCH',
      specPath: list,
      label: '400',
      request: (c) => ({ path: list, body: { id: c.questionId, answer: { text: 'ok' }, state: 'maybe' } }),
    },
    {
      method: 'PATCH',
      specPath: list,
      label: '404',
      request: () => ({ path: list, body: { id: 'no-such-question', wasViewed: true } }),
    },
    {
      method: 'PATCH',
      specPath: list,
      label: '401',
      request: (c) => ({ path: list, body: { id: c.questionId, wasViewed: true }, ...NO_TOKEN }),
    },
    ...byId('/api/v1/question', 'question', 403, (c) => c.questionId),
  ];
}

function cards(): Case[] {
  const path = '/content/v2/get/cards/list';
  const body = { settings: { sort: { ascending: true }, filter: { withPhoto: -1 }, cursor: { limit: 100 } } };
  return [
    { method: 'POST', specPath: path, label: '200', request: () => ({ path, body }) },
    {
      method: 'POST',
      specPath: path,
      label: '400',
      request: () => ({ path, body: { settings: { cursor: { limit: 1000 } } } }),
    },
    { method: 'POST', specPath: path, label: '401', request: () => ({ path, body, ...NO_TOKEN }) },
    { method: 'POST', specPath: path, label: '403 no category', request: (c) => ({ path, body, token: c.baseToken }) },
    {
      method: 'POST',
      specPath: path,
      label: '429',
      fault: { method: 'cards-list', kind: '429' },
      request: () => ({ path, body }),
    },
  ];
}

/** An emulator with a seller that has a month of life, and the tokens the cases need. */
export async function prepare(): Promise<Context> {
  const emulator = await startEmulator({
    port: 0,
    seed: 42,
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    rateLimits: false,
  });
  const store = emulator.store;
  const seller = store.createSeller({ historyDays: 30, traffic: { ordersPerDay: 80, questionsPerDay: 4 } });
  const token = store.mintToken({ sid: seller.sid }).token;
  const baseToken = store.mintToken({
    sid: seller.sid,
    type: 'base',
    categories: ['statistics', 'analytics', 'feedbacks'],
  }).token;
  const contentOnlyToken = store.mintToken({ sid: seller.sid, categories: ['content'] }).token;
  const readOnlyToken = store.mintToken({ sid: seller.sid, readOnly: true }).token;
  const answered = seller.feedbacks[0];
  if (answered) answered.answer = { text: 'Спасибо, что выбрали нас!', state: 'wbRu', editable: true };
  const answeredFeedbackId = answered?.id ?? 'none';
  const feedbackId = seller.feedbacks[1]?.id ?? 'none';
  const [answeredQuestion, openQuestion] = seller.questions;
  if (answeredQuestion)
    answeredQuestion.answer = { text: 'Да, есть', editable: true, createdAt: answeredQuestion.createdAt };
  const questionId = openQuestion?.id ?? 'none';
  const created = await fetch(`${emulator.url}/api/v1/warehouse_remains`, { headers: { Authorization: token } });
  const taskId = ((await created.json()) as { data: { taskId: string } }).data.taskId;
  return {
    emulator,
    token,
    baseToken,
    contentOnlyToken,
    readOnlyToken,
    feedbackId,
    answeredFeedbackId,
    questionId,
    taskId,
  };
}
