import type { Order } from './seller/model.ts';
import {
  addFeedback,
  addQuestion,
  buyOut,
  cancelOrder,
  placeOrder,
  returnOrder,
  setStock,
  transferStock,
} from './seller/lifecycle.ts';
import type { Seller } from './seller/seller.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type TrafficOptions = {
  /** Average orders per day; the hour of day (Moscow) shapes when they come. */
  ordersPerDay: number;
  cancelRate: number;
  /** Buyout happens this many hours after the order (uniform in the range). */
  buyoutAfterHours: readonly [number, number];
  cancelAfterHours: readonly [number, number];
  returnRate: number;
  returnAfterHours: readonly [number, number];
  reviewRate: number;
  reviewAfterHours: readonly [number, number];
  /**
   * Average buyer questions per day, independent of orders. 0 by default, so shops made
   * before questions existed keep exactly the rows and events they had (the demo turns it on).
   */
  questionsPerDay: number;
  /** Share of sale rows whose money is 0 at first and filled later (within 24 h). */
  lateMoneyRate: number;
  /** Probability per order that the seller restocks the ordered size (0: stock only drifts down). */
  restockRate: number;
  /** Probability per order that WB moves a few units of that size between its warehouses. */
  transferRate: number;
  /**
   * From `from` until `until` (epoch ms), orders come at `ordersPerHour` whatever the hour of
   * day, so a shop shown at night still gets orders within its first minutes. Null: no rush.
   */
  rush: { from: number; until: number; ordersPerHour: number } | null;
};

export const DEFAULT_TRAFFIC: TrafficOptions = {
  ordersPerDay: 120,
  cancelRate: 0.15,
  buyoutAfterHours: [12, 96],
  cancelAfterHours: [0.5, 36],
  returnRate: 0.08,
  returnAfterHours: [24, 168],
  reviewRate: 0.3,
  reviewAfterHours: [4, 72],
  questionsPerDay: 0,
  lateMoneyRate: 0.5,
  restockRate: 0,
  transferRate: 0.02,
  rush: null,
};

/** Relative order intensity by Moscow hour: quiet nights, a lunch bump, an evening peak. */
const DAILY_CURVE = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95, 1, 1.05, 1, 0.95, 0.95, 1, 1.1, 1.25, 1.4, 1.5, 1.35, 1,
  0.6,
];
const CURVE_MAX = Math.max(...DAILY_CURVE);
const CURVE_MEAN = DAILY_CURVE.reduce((a, b) => a + b, 0) / DAILY_CURVE.length;

/**
 * Starts a living shop: from `from` on, orders arrive as a Poisson process thinned by the
 * daily curve (averaging `ordersPerDay`), and each order's fate (cancel, buyout, return,
 * review) is scheduled on the seller's event queue. Starting in the past and advancing to
 * now backfills history.
 */
export function startTraffic(seller: Seller, options: Partial<TrafficOptions>, from: number): void {
  seller.traffic = { ...DEFAULT_TRAFFIC, ...options };
  if (seller.traffic.ordersPerDay <= 0 || seller.products.length === 0) return;
  scheduleArrival(seller, from);
  if (seller.traffic.questionsPerDay > 0) scheduleQuestion(seller, from);
}

/** Questions come as their own Poisson process, drawing from their own stream of numbers. */
function scheduleQuestion(seller: Seller, after: number): void {
  const gap = Math.max(1, Math.round(seller.questionRandom.exponential(DAY / seller.traffic.questionsPerDay)));
  seller.events.schedule(after + gap, ask, null);
}

function ask(at: number, _target: null, seller: Seller): void {
  addQuestion(seller, { at });
  scheduleQuestion(seller, at);
}

const inRush = (rush: TrafficOptions['rush'], at: number) => rush !== null && at >= rush.from && at < rush.until;

function scheduleArrival(seller: Seller, after: number): void {
  const { rush, ordersPerDay } = seller.traffic;
  const meanGap =
    rush !== null && inRush(rush, after) ? HOUR / rush.ordersPerHour : (DAY / ordersPerDay) * (CURVE_MEAN / CURVE_MAX);
  const at = after + Math.max(1, Math.round(seller.random.exponential(meanGap)));
  // A night's long gap must not jump over the rush: arrivals have no memory, so the process
  // may start afresh at the rush's first moment.
  if (rush !== null && after < rush.from && at > rush.from) scheduleArrival(seller, rush.from);
  else seller.events.schedule(at, arrive, null);
}

function arrive(at: number, _target: null, seller: Seller): void {
  const hour = new Date(at + 3 * HOUR).getUTCHours();
  if (inRush(seller.traffic.rush, at) || seller.random.next() * CURVE_MAX < (DAILY_CURVE[hour] ?? 1)) {
    const order = placeOrder(seller, { at });
    planFate(seller, order);
    if (seller.random.chance(seller.traffic.restockRate)) restock(seller, order);
    if (seller.random.chance(seller.traffic.transferRate)) redistribute(seller, order);
  }
  scheduleArrival(seller, at);
}

const within = (seller: Seller, range: readonly [number, number], from: number) =>
  from + Math.round((range[0] + seller.random.next() * (range[1] - range[0])) * HOUR);

const lateMoney = (seller: Seller) =>
  seller.random.chance(seller.traffic.lateMoneyRate)
    ? seller.random.int(1, 24 * 60) * 60_000 + seller.random.int(0, 999)
    : 0;

/** Decides what becomes of an order and schedules its next step on the seller's queue. */
export function planFate(seller: Seller, order: Order): void {
  const traffic = seller.traffic;
  if (seller.random.chance(traffic.cancelRate))
    seller.events.schedule(within(seller, traffic.cancelAfterHours, order.date), cancelIfOpen, order);
  else seller.events.schedule(within(seller, traffic.buyoutAfterHours, order.date), buyOutIfOpen, order);
}

function cancelIfOpen(at: number, order: Order, seller: Seller): void {
  if (!order.closed) cancelOrder(seller, order, at);
}

function buyOutIfOpen(at: number, order: Order, seller: Seller): void {
  if (order.closed) return;
  buyOut(seller, order, at, lateMoney(seller));
  const traffic = seller.traffic;
  if (seller.random.chance(traffic.reviewRate))
    seller.events.schedule(within(seller, traffic.reviewAfterHours, at), review, order);
  if (seller.random.chance(traffic.returnRate))
    seller.events.schedule(within(seller, traffic.returnAfterHours, at), returnIfKept, order);
}

function review(at: number, order: Order, seller: Seller): void {
  addFeedback(seller, { nmId: order.size.product.nmId, at });
}

function returnIfKept(at: number, order: Order, seller: Seller): void {
  if (order.returnAt === 0) returnOrder(seller, order, at, lateMoney(seller), seller.random.chance(0.3));
}

function restock(seller: Seller, order: Order): void {
  const cell = seller.stock(order.size.chrtId, order.warehouse.id);
  if (cell.quantity < 3)
    setStock(seller, order.size.chrtId, order.warehouse.id, cell.quantity + seller.random.int(10, 40));
}

/** WB evens out stock: a few units of the ordered size move from the fullest WB warehouse to the emptiest. */
function redistribute(seller: Seller, order: Order): void {
  const chrtId = order.size.chrtId;
  const wb = seller.warehouses.filter((w) => w.kind === 'wb');
  const byQuantity = wb
    .map((w) => ({ id: w.id, quantity: seller.stock(chrtId, w.id).quantity }))
    .sort((a, b) => a.quantity - b.quantity);
  const emptiest = byQuantity[0];
  const fullest = byQuantity[byQuantity.length - 1];
  if (!emptiest || !fullest || fullest.quantity - emptiest.quantity < 4) return;
  transferStock(
    seller,
    chrtId,
    fullest.id,
    emptiest.id,
    seller.random.int(1, Math.floor((fullest.quantity - emptiest.quantity) / 2)),
  );
}
