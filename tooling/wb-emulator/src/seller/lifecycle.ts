import { QUESTIONS, REVIEWS, BUYER_NAMES } from '../catalog.ts';
import type { Feedback, Question, Warehouse } from './model.ts';
import { Order, Sale } from './model.ts';
import type { Random } from '../random.ts';
import type { Seller } from './seller.ts';

export type PlaceOrderOptions = { chrtId?: number; warehouseId?: number; at: number };

/** A buyer orders one unit: it leaves the warehouse's free stock and is on its way. */
export function placeOrder(seller: Seller, options: PlaceOrderOptions): Order {
  const { random } = seller;
  const size = options.chrtId !== undefined ? seller.sizes.get(options.chrtId) : pickSizeInStock(seller);
  if (!size) throw new Error(`unknown chrtId ${options.chrtId}`);
  const warehouse =
    options.warehouseId !== undefined ? seller.warehouse(options.warehouseId) : pickWarehouse(seller, size.chrtId);
  if (!warehouse) throw new Error(`unknown warehouseId ${options.warehouseId}`);
  const order = new Order({
    seq: seller.orders.length,
    date: options.at,
    size,
    warehouseIndex: seller.warehouses.indexOf(warehouse),
    regionIndex: random.int(0, seller.regions.length - 1),
    spp: random.pick([0, 5, 10, 15, 20, 25, 26, 30]),
    times: seller.orderTimes,
  });
  seller.orders.push(order);
  seller.orderLog.add(order.date, order);
  const cell = seller.stock(size.chrtId, warehouse.id);
  cell.quantity = Math.max(0, cell.quantity - 1);
  cell.inWayToClient++;
  return order;
}

/** Late cancellation: the same srid comes back with isCancel, cancelDate, newer lastChangeDate. */
export function cancelOrder(seller: Seller, order: Order, at: number): void {
  if (order.closed) throw new Error('order is already closed');
  order.cancelAt = Math.max(at, order.date + 1);
  seller.orderLog.add(order.cancelAt, order);
  const cell = seller.stock(order.size.chrtId, order.warehouse.id);
  cell.inWayToClient = Math.max(0, cell.inWayToClient - 1);
  cell.quantity++;
}

/**
 * The buyer takes the item: an S row. Its money reads 0 until `fillAfterMs` has passed (WB
 * fills it asynchronously within 24 h), then the row changes again.
 */
export function buyOut(seller: Seller, order: Order, at: number, fillAfterMs = 0): Sale {
  if (order.closed) throw new Error('order is already closed');
  order.buyoutAt = Math.max(at, order.date + 1);
  const cell = seller.stock(order.size.chrtId, order.warehouse.id);
  cell.inWayToClient = Math.max(0, cell.inWayToClient - 1);
  return addSale(seller, order, 'S', order.buyoutAt, fillAfterMs);
}

/** The buyer returns a bought item: an R row with negative money; the unit goes back to stock. */
export function returnOrder(seller: Seller, order: Order, at: number, fillAfterMs = 0, defective = false): Sale {
  if (order.buyoutAt === 0 || order.returnAt !== 0) throw new Error('only a bought-out order can be returned');
  order.returnAt = Math.max(at, order.buyoutAt + 1);
  order.returnDefective = defective;
  seller.stock(order.size.chrtId, order.warehouse.id).quantity++;
  return addSale(seller, order, 'R', order.returnAt, fillAfterMs);
}

function addSale(seller: Seller, order: Order, kind: 'S' | 'R', at: number, fillAfterMs: number): Sale {
  const sign = kind === 'S' ? 1 : -1;
  const sale = new Sale({
    seq: seller.sales.length,
    kind,
    order,
    date: at,
    fillAt: at + fillAfterMs,
    forPay: sign * round2(order.priceWithDisc * (1 - seller.random.int(15, 28) / 100)),
    times: seller.saleTimes,
  });
  seller.sales.push(sale);
  seller.saleLog.add(sale.date, sale);
  if (sale.fillAt > sale.date) seller.saleLog.add(sale.fillAt, sale);
  return sale;
}

export type ReviewOptions = {
  nmId?: number;
  valuation?: number;
  text?: string;
  at: number;
  orderStatus?: Feedback['orderStatus'];
};

/** A buyer review; without a valuation one is drawn from a realistic mix (mostly fives). */
export function addFeedback(seller: Seller, options: ReviewOptions): Feedback {
  const { random } = seller;
  const product =
    options.nmId !== undefined ? seller.products.find((p) => p.nmId === options.nmId) : random.pick(seller.products);
  if (!product) throw new Error(`unknown nmId ${options.nmId}`);
  const valuation = options.valuation ?? random.weighted([5, 4, 3, 2, 1], [64, 15, 7, 5, 9]);
  const sample = random.pick(REVIEWS[valuation] ?? REVIEWS[5] ?? []);
  const feedback: Feedback = {
    id: feedbackId(seller),
    product,
    size: random.pick(product.sizes),
    createdAt: options.at,
    valuation,
    text: options.text ?? sample?.text ?? '',
    pros: options.text !== undefined ? '' : (sample?.pros ?? ''),
    cons: options.text !== undefined ? '' : (sample?.cons ?? ''),
    userName: random.pick(BUYER_NAMES),
    orderStatus: options.orderStatus ?? 'buyout',
    wasViewed: false,
    photoCount: random.chance(0.2) ? random.int(1, 3) : 0,
    answer: null,
  };
  seller.feedbacks.push(feedback);
  seller.feedbacksById.set(feedback.id, feedback);
  return feedback;
}

export type QuestionOptions = { nmId?: number; text?: string; at: number };

/** A buyer asks about a product; unanswered and unseen until the seller acts. */
export function addQuestion(seller: Seller, options: QuestionOptions): Question {
  const random = seller.questionRandom;
  const product =
    options.nmId !== undefined ? seller.products.find((p) => p.nmId === options.nmId) : random.pick(seller.products);
  if (!product) throw new Error(`unknown nmId ${options.nmId}`);
  const question: Question = {
    id: idFrom(random),
    product,
    createdAt: options.at,
    text: options.text ?? random.pick(QUESTIONS),
    wasViewed: false,
    isWarned: false,
    declined: false,
    answer: null,
  };
  seller.questions.push(question);
  seller.questionsById.set(question.id, question);
  return question;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Built from an array so the id is one flat string, not a chain of 20 concatenations. */
function feedbackId(seller: Seller): string {
  return idFrom(seller.random);
}

function idFrom(random: Random): string {
  return Array.from({ length: 20 }, () => ID_ALPHABET[random.int(0, ID_ALPHABET.length - 1)]).join('');
}

export function setStock(seller: Seller, chrtId: number, warehouseId: number, quantity: number): void {
  if (!seller.sizes.has(chrtId)) throw new Error(`unknown chrtId ${chrtId}`);
  if (!seller.warehouse(warehouseId)) throw new Error(`unknown warehouseId ${warehouseId}`);
  seller.stock(chrtId, warehouseId).quantity = Math.max(0, quantity);
}

/** Moves free units between two warehouses (WB redistributes stock between regions). */
export function transferStock(seller: Seller, chrtId: number, fromId: number, toId: number, quantity: number): number {
  if (!seller.warehouse(fromId) || !seller.warehouse(toId)) throw new Error('unknown warehouse');
  const from = seller.stock(chrtId, fromId);
  const moved = Math.min(from.quantity, quantity);
  from.quantity -= moved;
  seller.stock(chrtId, toId).quantity += moved;
  return moved;
}

function pickSizeInStock(seller: Seller) {
  const { random } = seller;
  for (let attempt = 0; attempt < 8; attempt++) {
    const product = random.pick(seller.products);
    const size = random.pick(product.sizes);
    if (seller.warehouses.some((w) => seller.stock(size.chrtId, w.id).quantity > 0)) return size;
  }
  return random.pick(random.pick(seller.products).sizes);
}

function pickWarehouse(seller: Seller, chrtId: number): Warehouse | undefined {
  const stocked = seller.warehouses.filter((w) => seller.stock(chrtId, w.id).quantity > 0);
  return seller.random.pick(stocked.length > 0 ? stocked : seller.warehouses);
}

const round2 = (n: number) => Math.round(n * 100) / 100;
