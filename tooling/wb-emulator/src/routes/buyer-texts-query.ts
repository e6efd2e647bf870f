import { envelopeError } from '../http/problem.ts';
import type { AuthedRequest, Reply } from '../http/types.ts';

/** The feedbacks API's envelope around a successful answer. */
export const ok = (data: unknown): Reply => ({
  status: 200,
  body: { data, error: false, errorText: '', additionalErrors: null },
});

function intParam(req: AuthedRequest, name: string): number | null | 'bad' {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return null;
  return /^-?\d+$/.test(raw) ? Number(raw) : 'bad';
}

export interface BuyerTextsQuery {
  answered: boolean;
  take: number;
  skip: number;
  nmId: number | null;
  /** Unix seconds. */
  dateFrom: number | null;
  dateTo: number | null;
  order: 'dateAsc' | 'dateDesc' | null;
}

/**
 * The query both `GET /api/v1/feedbacks` and `GET /api/v1/questions` take, checked as WB does:
 * a refused parameter answers 400 in the envelope, naming it.
 */
export function parseBuyerTextsQuery(
  req: AuthedRequest,
  limits: { maxTake: number; maxSkip: number; maxSum?: number },
): BuyerTextsQuery | Reply {
  const bad = (name: string) => envelopeError(400, `Плохой формат ${name}`, req.requestId);
  const isAnswered = req.query.get('isAnswered');
  if (isAnswered !== 'true' && isAnswered !== 'false') return bad('isAnswered');
  const take = intParam(req, 'take');
  const skip = intParam(req, 'skip');
  if (take === null || take === 'bad' || take < 1 || take > limits.maxTake) return bad('take');
  if (skip === null || skip === 'bad' || skip < 0 || skip > limits.maxSkip) return bad('skip');
  if (limits.maxSum !== undefined && take + skip > limits.maxSum)
    return envelopeError(400, `Сумма take и skip больше ${limits.maxSum}`, req.requestId);
  const nmId = intParam(req, 'nmId');
  if (nmId === 'bad') return bad('nmId');
  const dateFrom = intParam(req, 'dateFrom');
  if (dateFrom === 'bad') return bad('dateFrom');
  const dateTo = intParam(req, 'dateTo');
  if (dateTo === 'bad') return bad('dateTo');
  const order = req.query.get('order');
  if (order !== null && order !== 'dateAsc' && order !== 'dateDesc') return bad('order');
  return { answered: isAnswered === 'true', take, skip, nmId, dateFrom, dateTo, order };
}

/** Whether a parse answered with an error instead of a query. */
export const isReply = (value: BuyerTextsQuery | Reply): value is Reply => 'status' in value;
