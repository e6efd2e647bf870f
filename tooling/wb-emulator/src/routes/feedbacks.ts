import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { isReply, ok, parseBuyerTextsQuery } from './buyer-texts-query.ts';
import { envelopeError, parseJsonBody } from '../http/problem.ts';
import { formatMskOffset } from '../msk-time.ts';
import type { Feedback } from '../seller/model.ts';

const MAX_TAKE = 5_000;
const MAX_SKIP = 199_990;

/** `GET /api/v1/feedbacks`: answered and unanswered are separate queries, as on WB. */
function listFeedbacks(req: AuthedRequest): Reply {
  const query = parseBuyerTextsQuery(req, { maxTake: MAX_TAKE, maxSkip: MAX_SKIP });
  if (isReply(query)) return query;
  const { answered, take, skip, nmId, dateFrom, dateTo, order } = query;
  const visible = req.seller.feedbacks.filter((f) => f.createdAt <= req.now);
  const selected = visible.filter(
    (f) =>
      (f.answer !== null) === answered &&
      (nmId === null || f.product.nmId === nmId) &&
      (dateFrom === null || f.createdAt >= dateFrom * 1000) &&
      (dateTo === null || f.createdAt <= dateTo * 1000),
  );
  // WB lists newest first unless asked otherwise.
  selected.sort((a, b) => (order === 'dateAsc' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
  const countUnanswered = visible.filter((f) => f.answer === null).length;
  return ok({
    countUnanswered,
    countArchive: visible.length - countUnanswered,
    feedbacks: selected.slice(skip, skip + take).map((f) => feedbackJson(f, req.seller.name)),
  });
}

function feedbackJson(f: Feedback, supplierName: string) {
  const p = f.product;
  return {
    id: f.id,
    text: f.text,
    pros: f.pros,
    cons: f.cons,
    productValuation: f.valuation,
    createdDate: formatMskOffset(f.createdAt),
    answer: f.answer,
    state: f.answer ? 'wbRu' : 'none',
    productDetails: {
      imtId: p.imtId,
      nmId: p.nmId,
      productName: p.title,
      supplierArticle: p.vendorCode,
      supplierName,
      brandName: p.brand,
      size: f.size.techSize,
    },
    video: null,
    wasViewed: f.wasViewed,
    photoLinks: photoLinks(f),
    userName: f.userName,
    orderStatus: f.orderStatus,
    matchingSize: f.size.techSize === '0' ? '' : 'ok',
    isAbleSupplierFeedbackValuation: true,
    supplierFeedbackValuation: 0,
    isAbleSupplierProductValuation: true,
    supplierProductValuation: 0,
    isAbleReturnProductOrders: f.valuation <= 2,
    returnProductOrdersDate: null,
    bables: f.valuation >= 4 ? ['качество'] : null,
    lastOrderShkId: 10_000_000_000 + f.size.chrtId,
    lastOrderCreatedAt: formatMskOffset(f.createdAt - 3 * 86_400_000),
    color: 'colorless',
    subjectId: p.subjectId,
    subjectName: p.subject,
    parentFeedbackId: null,
    childFeedbackId: null,
  };
}

/** Buyer photo URLs shaped like WB's (`feedbackNN.wbbasket.ru/vol…/part…/<id>/photos/fs.webp`). */
function photoLinks(f: Feedback): { fullSize: string; miniSize: string }[] | null {
  if (f.photoCount === 0) return null;
  const seed = [...f.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_000_000, 7);
  return Array.from({ length: f.photoCount }, (_, i) => {
    const photoId = 100_000_000 + ((seed + i * 7_919) % 900_000_000);
    const base = `https://feedback0${(photoId % 9) + 1}.wbbasket.ru/vol${Math.floor(photoId / 100_000)}/part${Math.floor(photoId / 1_000)}/${photoId}/photos`;
    return { fullSize: `${base}/fs.webp`, miniSize: `${base}/ms.webp` };
  });
}

const fbBadRequest = (req: AuthedRequest, detail: string): Reply => ({
  status: 400,
  body: { title: 'bad request', requestId: req.requestId, origin: 'fbapi', detail },
});

/** `POST /api/v1/feedbacks/answer`: 204; like WB, an unknown id is not an error. */
function answerFeedback(req: AuthedRequest): Reply {
  const contentType = req.headers['content-type'];
  if (typeof contentType !== 'string' || contentType === '')
    return fbBadRequest(req, 'content-type header not specified');
  if (!contentType.toLowerCase().startsWith('application/json'))
    return fbBadRequest(req, `not a json content-type: ${contentType}`);
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return fbBadRequest(req, 'Неверный синтаксис JSON');
  const { id, text } = parsed.value as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || id === '') return fbBadRequest(req, 'id is required');
  if (typeof text !== 'string' || text.length < 2 || text.length > 5000)
    return fbBadRequest(req, 'text must be 2..5000 characters');
  const feedback = req.seller.feedbacksById.get(id);
  if (feedback) {
    feedback.answer = { text, state: 'wbRu', editable: true };
    feedback.wasViewed = true;
  }
  return { status: 204 };
}

/**
 * `PATCH /api/v1/feedbacks/answer`: replaces an answer once. WB documents only 204 here; a
 * second edit, or an edit of a review without an answer, is refused with the feedbacks API's
 * 422 envelope, as `PATCH /api/v1/questions` refuses a second edit (an assumption).
 */
function editFeedbackAnswer(req: AuthedRequest): Reply {
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return fbBadRequest(req, 'Неверный синтаксис JSON');
  const { id, text } = parsed.value as { id?: unknown; text?: unknown };
  if (typeof id !== 'string' || id === '') return fbBadRequest(req, 'id is required');
  if (typeof text !== 'string' || text.length < 2 || text.length > 5000)
    return fbBadRequest(req, 'text must be 2..5000 characters');
  const feedback = req.seller.feedbacksById.get(id);
  if (!feedback) return { status: 204 };
  if (!feedback.answer?.editable) return envelopeError(422, 'Ответ нельзя отредактировать', req.requestId);
  feedback.answer = { text, state: 'wbRu', editable: false };
  return { status: 204 };
}

/** `GET /api/v1/feedback?id=`: one review; an unknown id is WB's 422. */
function getFeedback(req: AuthedRequest): Reply {
  const feedback = req.seller.feedbacksById.get(req.query.get('id') ?? '');
  if (!feedback || feedback.createdAt > req.now)
    return envelopeError(422, 'Невозможно получить отзыв по id', req.requestId);
  return ok(feedbackJson(feedback, req.seller.name));
}

function newFeedbacksQuestions(req: AuthedRequest): Reply {
  const hasNewFeedbacks = req.seller.feedbacks.some((f) => f.createdAt <= req.now && !f.wasViewed);
  const hasNewQuestions = req.seller.questions.some((q) => q.createdAt <= req.now && !q.wasViewed);
  return ok({ hasNewQuestions, hasNewFeedbacks });
}

export function feedbackRoutes(): Route[] {
  const base = { group: 'feedbacks', category: 'feedbacks', sandbox: true } as const;
  const common = {
    ...base,
    scopeDenied: (requestId: string) => envelopeError(403, 'Ошибка авторизации', requestId),
  } as const;
  // WB documents no 403 on these paths: its gateway's 401 stands for a refused key.
  const gatewayDenied = { ...base, deniesWith401: true } as const;
  return [
    { ...common, method: 'GET', path: '/api/v1/feedbacks', name: 'feedbacks', handle: listFeedbacks },
    {
      ...common,
      method: 'GET',
      path: '/api/v1/new-feedbacks-questions',
      name: 'new-feedbacks-questions',
      handle: newFeedbacksQuestions,
    },
    {
      ...gatewayDenied,
      method: 'POST',
      path: '/api/v1/feedbacks/answer',
      name: 'feedbacks-answer',
      write: true,
      handle: answerFeedback,
    },
    {
      ...gatewayDenied,
      method: 'PATCH',
      path: '/api/v1/feedbacks/answer',
      name: 'feedbacks-answer-patch',
      write: true,
      handle: editFeedbackAnswer,
    },
    { ...gatewayDenied, method: 'GET', path: '/api/v1/feedback', name: 'feedback', handle: getFeedback },
  ];
}
