import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { isReply, ok, parseBuyerTextsQuery } from './buyer-texts-query.ts';
import { envelopeError, parseJsonBody } from '../http/problem.ts';
import type { Question } from '../seller/model.ts';

/** WB: take and skip each at most 10,000, and their sum too. */
const MAX_WINDOW = 10_000;
/** WB's answer length limits for questions. */
const ANSWER_MIN = 2;
const ANSWER_MAX = 5_000;

/** What the buyer asked by now, newest or oldest first; declined questions stay listed as answered. */
function listQuestions(req: AuthedRequest): Reply {
  const query = parseBuyerTextsQuery(req, { maxTake: MAX_WINDOW, maxSkip: MAX_WINDOW, maxSum: MAX_WINDOW });
  if (isReply(query)) return query;
  const { answered, take, skip, nmId, dateFrom, dateTo, order } = query;
  const visible = req.seller.questions.filter((q) => q.createdAt <= req.now);
  const selected = visible.filter(
    (q) =>
      isClosed(q) === answered &&
      (nmId === null || q.product.nmId === nmId) &&
      (dateFrom === null || q.createdAt >= dateFrom * 1000) &&
      (dateTo === null || q.createdAt <= dateTo * 1000),
  );
  selected.sort((a, b) => (order === 'dateAsc' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
  const countUnanswered = visible.filter((q) => !isClosed(q)).length;
  return ok({
    countUnanswered,
    countArchive: visible.length - countUnanswered,
    questions: selected.slice(skip, skip + take).map((q) => questionJson(q, req.seller.name)),
  });
}

/** Answered or declined: either way out of the seller's queue. */
const isClosed = (q: Question) => q.answer !== null || q.declined;

function questionJson(q: Question, supplierName: string) {
  const p = q.product;
  return {
    id: q.id,
    text: q.text,
    // WB writes questions' times in UTC with nanoseconds.
    createdDate: new Date(q.createdAt).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z'),
    state: q.declined ? 'none' : q.answer ? 'wbRu' : 'suppliersPortalSynch',
    answer: q.answer && {
      text: q.answer.text,
      editable: q.answer.editable,
      createDate: new Date(q.answer.createdAt).toISOString(),
    },
    productDetails: {
      imtId: p.imtId,
      nmId: p.nmId,
      productName: p.title,
      supplierArticle: p.vendorCode,
      supplierName,
      brandName: p.brand,
    },
    wasViewed: q.wasViewed,
    isWarned: q.isWarned,
  };
}

/**
 * `PATCH /api/v1/questions`: mark viewed, decline (`state: none`), or answer / edit the answer
 * (`state: wbRu`). An answer may be edited once; a second edit is refused with 422, as WB does.
 */
function patchQuestion(req: AuthedRequest): Reply {
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return envelopeError(400, 'Неверный синтаксис JSON', req.requestId);
  const body = parsed.value as { id?: unknown; wasViewed?: unknown; answer?: unknown; state?: unknown };
  if (typeof body.id !== 'string' || body.id === '') return envelopeError(400, 'Не указан id', req.requestId);
  const question = req.seller.questionsById.get(body.id);
  if (!question || question.createdAt > req.now) return envelopeError(404, 'Не найден вопрос', req.requestId);
  if (body.answer === undefined && body.state === undefined) {
    if (typeof body.wasViewed !== 'boolean') return envelopeError(400, 'Плохой формат wasViewed', req.requestId);
    question.wasViewed = body.wasViewed;
    return ok(null);
  }
  const text = (body.answer as { text?: unknown } | null | undefined)?.text;
  if (body.state !== 'wbRu' && body.state !== 'none') return envelopeError(400, 'Плохой формат state', req.requestId);
  if (typeof text !== 'string' || text.length < ANSWER_MIN || text.length > ANSWER_MAX)
    return envelopeError(400, `Текст ответа должен быть от ${ANSWER_MIN} до ${ANSWER_MAX} символов`, req.requestId);
  if (question.answer && !question.answer.editable)
    return envelopeError(422, 'Не удалось отредактировать вопрос', req.requestId);
  question.wasViewed = true;
  question.declined = body.state === 'none';
  question.answer = question.answer
    ? { text, editable: false, createdAt: question.answer.createdAt }
    : { text, editable: true, createdAt: req.now };
  return ok(null);
}

/** `GET /api/v1/question?id=`: one question; an unknown id is WB's 422. */
function getQuestion(req: AuthedRequest): Reply {
  const question = req.seller.questionsById.get(req.query.get('id') ?? '');
  if (!question || question.createdAt > req.now)
    return envelopeError(422, 'Невозможно получить вопрос по id', req.requestId);
  return ok(questionJson(question, req.seller.name));
}

/** `GET /api/v1/questions/count-unanswered`: all unanswered, and those asked today (Moscow). */
function countUnanswered(req: AuthedRequest): Reply {
  const moscowDay = (at: number) => Math.floor((at + 3 * 3_600_000) / 86_400_000);
  const open = req.seller.questions.filter((q) => q.createdAt <= req.now && !isClosed(q));
  return ok({
    countUnanswered: open.length,
    countUnansweredToday: open.filter((q) => moscowDay(q.createdAt) === moscowDay(req.now)).length,
  });
}

/** The questions half of WB's feedbacks API: one category and one bucket with reviews. */
export function questionRoutes(): Route[] {
  const common = {
    group: 'feedbacks',
    category: 'feedbacks',
    sandbox: true,
    scopeDenied: (requestId: string) => envelopeError(403, 'Ошибка авторизации', requestId),
  } as const;
  return [
    { ...common, method: 'GET', path: '/api/v1/questions', name: 'questions', handle: listQuestions },
    { ...common, method: 'GET', path: '/api/v1/question', name: 'question', handle: getQuestion },
    {
      ...common,
      method: 'GET',
      path: '/api/v1/questions/count-unanswered',
      name: 'questions-count-unanswered',
      handle: countUnanswered,
    },
    {
      ...common,
      method: 'PATCH',
      path: '/api/v1/questions',
      name: 'questions-patch',
      write: true,
      handle: patchQuestion,
    },
  ];
}
