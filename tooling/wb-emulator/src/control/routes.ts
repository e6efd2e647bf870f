import { FAULT_KINDS, type FaultKind } from '../faults.ts';
import { startTraffic, type TrafficOptions } from '../generator.ts';
import type { Reply } from '../http/types.ts';
import {
  addFeedback,
  addQuestion,
  buyOut,
  cancelOrder,
  placeOrder,
  returnOrder,
  setStock,
  transferStock,
} from '../seller/lifecycle.ts';
import type { Order } from '../seller/model.ts';
import type { Seller } from '../seller/seller.ts';
import type { CreateSellerOptions, Store } from '../store.ts';
import { ALL_CATEGORIES, TOKEN_TYPES, type Category, type TokenType } from '../tokens.ts';
import { sellerSummary } from './summary.ts';

type Body = Record<string, unknown>;
class ControlError extends Error {}

const fail = (message: string): never => {
  throw new ControlError(message);
};

/** The control API: JSON in, JSON out; errors are `400 {"error": "..."}`. */
export function handleControl(
  store: Store,
  method: string,
  path: string,
  query: URLSearchParams,
  rawBody: string,
): Reply {
  try {
    const body = rawBody ? (JSON.parse(rawBody) as Body) : {};
    return { status: 200, body: dispatch(store, method, path, body, query) };
  } catch (error) {
    // Bad input and impossible transitions (cancelling a bought-out order) alike.
    if (error instanceof Error) return { status: 400, body: { error: error.message } };
    throw error;
  }
}

function dispatch(store: Store, method: string, path: string, body: Body, query: URLSearchParams): unknown {
  const now = store.clock.now();
  const at = () => timeArg(body.at, now);
  if (method === 'GET' && path === '/clock') return clockState(store);
  if (method === 'GET' && path === '/stats') return store.stats;
  if (method === 'GET' && path === '/requests') {
    const sid = query.get('sid');
    return { requests: store.requestLog.filter((entry) => sid === null || entry.sid === sid) };
  }
  if (method === 'POST' && path === '/clock/advance') {
    store.clock.advance(
      numberArg(body.ms, 0) + numberArg(body.minutes, 0) * 60_000 + numberArg(body.hours, 0) * 3_600_000,
    );
    return clockState(store);
  }
  if (method === 'POST' && path === '/clock/set') {
    store.clock.set(timeArg(body.at, now));
    return clockState(store);
  }
  if (method === 'POST' && path === '/reset') {
    store.reset();
    return { ok: true };
  }
  if (method === 'POST' && path === '/faults') {
    const kind = body.kind as FaultKind;
    if (!FAULT_KINDS.includes(kind)) fail(`kind must be one of ${FAULT_KINDS.join(', ')}`);
    store.faults.add(
      String(body.method ?? '*'),
      kind,
      numberArg(body.count, 1),
      body.status === undefined ? undefined : numberArg(body.status, 500),
    );
    return { ok: true };
  }
  if (method === 'POST' && path === '/holds') {
    const ms = numberArg(body.ms, NaN);
    if (!(ms > 0)) fail('ms must be a positive number');
    store.holds.add(String(body.method ?? '*'), ms, numberArg(body.count, 1));
    return { ok: true };
  }
  if (method === 'POST' && path === '/sellers') return sellerSummary(store.createSeller(body as CreateSellerOptions));
  if (method === 'POST' && path === '/tokens') return mintToken(store, body);
  if (method === 'POST' && path === '/tokens/revoke') {
    const id =
      typeof body.id === 'string'
        ? body.id
        : typeof body.token === 'string'
          ? idOfToken(store, body.token)
          : fail('id or token required');
    if (!store.revokeToken(id)) fail('unknown token');
    return { ok: true };
  }

  const sellerMatch = /^\/sellers\/([^/]+)(\/.*)?$/.exec(path);
  if (!sellerMatch) return fail(`no control route ${method} ${path}`);
  const seller = store.seller(decodeURIComponent(sellerMatch[1] ?? '')) ?? fail('unknown seller');
  const rest = sellerMatch[2] ?? '';
  if (method === 'GET' && rest === '') return sellerSummary(seller);
  if (method === 'POST' && rest === '/orders') {
    const order = placeOrder(seller, {
      chrtId: optionalNumber(body.chrtId),
      warehouseId: optionalNumber(body.warehouseId),
      at: at(),
    });
    return orderSummary(seller, order);
  }
  const orderMatch = /^\/orders\/([^/]+)\/(cancel|buyout|return)$/.exec(rest);
  if (method === 'POST' && orderMatch) {
    const order = seller.orderBySrid(decodeURIComponent(orderMatch[1] ?? '')) ?? fail('unknown srid');
    const fillAfterMs = numberArg(body.fillMoneyAfterMinutes, 0) * 60_000;
    if (orderMatch[2] === 'cancel') cancelOrder(seller, order, at());
    if (orderMatch[2] === 'buyout')
      return { ...orderSummary(seller, order), saleID: seller.saleId(buyOut(seller, order, at(), fillAfterMs)) };
    if (orderMatch[2] === 'return')
      return {
        ...orderSummary(seller, order),
        saleID: seller.saleId(returnOrder(seller, order, at(), fillAfterMs, body.defective === true)),
      };
    return orderSummary(seller, order);
  }
  if (method === 'POST' && rest === '/feedbacks') {
    const feedback = addFeedback(seller, {
      nmId: optionalNumber(body.nmId),
      valuation: optionalNumber(body.valuation),
      text: typeof body.text === 'string' ? body.text : undefined,
      at: at(),
    });
    return { id: feedback.id, nmId: feedback.product.nmId, valuation: feedback.valuation };
  }
  if (method === 'POST' && rest === '/questions') {
    const question = addQuestion(seller, {
      nmId: optionalNumber(body.nmId),
      text: typeof body.text === 'string' ? body.text : undefined,
      at: at(),
    });
    return { id: question.id, nmId: question.product.nmId, text: question.text };
  }
  const questionMatch = /^\/questions\/([^/]+)$/.exec(rest);
  if (method === 'GET' && questionMatch) {
    const question = seller.questionsById.get(decodeURIComponent(questionMatch[1] ?? '')) ?? fail('unknown question');
    return {
      id: question.id,
      wasViewed: question.wasViewed,
      declined: question.declined,
      answer: question.answer && { text: question.answer.text, editable: question.answer.editable },
    };
  }
  const feedbackMatch = /^\/feedbacks\/([^/]+)$/.exec(rest);
  if (method === 'GET' && feedbackMatch) {
    const feedback = seller.feedbacksById.get(decodeURIComponent(feedbackMatch[1] ?? '')) ?? fail('unknown review');
    return {
      id: feedback.id,
      wasViewed: feedback.wasViewed,
      answer: feedback.answer && { text: feedback.answer.text, editable: feedback.answer.editable },
    };
  }
  if (method === 'POST' && rest === '/stocks') {
    setStock(seller, numberArg(body.chrtId, NaN), numberArg(body.warehouseId, NaN), numberArg(body.quantity, 0));
    return { ok: true };
  }
  if (method === 'POST' && rest === '/stocks/transfer') {
    const moved = transferStock(
      seller,
      numberArg(body.chrtId, NaN),
      numberArg(body.fromWarehouseId, NaN),
      numberArg(body.toWarehouseId, NaN),
      numberArg(body.quantity, 0),
    );
    return { moved };
  }
  if (method === 'POST' && rest === '/traffic') {
    startTraffic(seller, body as Partial<TrafficOptions>, now);
    return { ok: true };
  }
  return fail(`no control route ${method} ${path}`);
}

function clockState(store: Store) {
  const now = store.clock.now();
  return { now, iso: new Date(now).toISOString(), frozen: store.clock.frozen };
}

function mintToken(store: Store, body: Body) {
  const sid = typeof body.sid === 'string' ? body.sid : fail('sid required');
  const type = (body.type ?? 'personal') as TokenType;
  if (!(type in TOKEN_TYPES)) fail(`type must be one of ${Object.keys(TOKEN_TYPES).join(', ')}`);
  const categories = (body.categories ?? ALL_CATEGORIES) as Category[];
  if (!Array.isArray(categories) || categories.some((c) => !ALL_CATEGORIES.includes(c)))
    fail(`categories must be among ${ALL_CATEGORIES.join(', ')}`);
  const nowSec = Math.floor(store.clock.now() / 1000);
  const exp =
    body.exp !== undefined
      ? numberArg(body.exp, 0)
      : body.expiresInSeconds !== undefined
        ? nowSec + numberArg(body.expiresInSeconds, 0)
        : undefined;
  const { token, claims } = store.mintToken({ sid, type, categories, readOnly: body.readOnly === true, exp });
  return { token, id: claims.id, claims };
}

function idOfToken(store: Store, token: string): string {
  const verified = store.authority.verify(token);
  return 'claims' in verified ? verified.claims.id : fail('not a token of this emulator');
}

function orderSummary(seller: Seller, order: Order) {
  return {
    srid: seller.srid(order),
    nmId: order.size.product.nmId,
    chrtId: order.size.chrtId,
    warehouseId: order.warehouse.id,
    date: order.date,
  };
}

function timeArg(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const ms = typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(ms) ? ms : fail(`bad time ${String(value)}`);
}

function numberArg(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : fail(`expected a number, got ${JSON.stringify(value)}`);
}

function optionalNumber(value: unknown): number | undefined {
  return value === undefined || value === null ? undefined : numberArg(value, 0);
}
