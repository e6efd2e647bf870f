import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { parseJsonBody } from '../http/problem.ts';
import { DAY_MS, formatMskOffset } from '../msk-time.ts';
import type { Order } from '../seller/model.ts';

const MAX_LIMIT = 10_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Status = 'created' | 'cancel' | 'buyout' | 'return' | 'returnDefective';

/** The order's status and when it last changed, as of `at` (the page's snapshot). */
function statusAsOf(o: Order, at: number): { status: Status; updatedAt: number } {
  if (o.cancelAt !== 0 && o.cancelAt <= at) return { status: 'cancel', updatedAt: o.cancelAt };
  if (o.returnAt !== 0 && o.returnAt <= at)
    return { status: o.returnDefective ? 'returnDefective' : 'return', updatedAt: o.returnAt };
  if (o.buyoutAt !== 0 && o.buyoutAt <= at) return { status: 'buyout', updatedAt: o.buyoutAt };
  return { status: 'created', updatedAt: o.date };
}

const badRequest = (req: AuthedRequest, detail: string): Reply => ({
  status: 400,
  body: { title: 'Invalid request body', detail, requestId: req.requestId, origin: 'analytic-open-api' },
});

/**
 * `POST /api/analytics/v1/order-feed`: orders whose status changed within the period, in real
 * time (no 30-minute batches: an order and each status change show at once, while statistics
 * publish them on their cycle), last 31 days. Paging is stable because every page is computed
 * as of the first page's `snapshotTime`.
 */
function orderFeed(req: AuthedRequest): Reply {
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return badRequest(req, 'invalid JSON');
  const body = parsed.value as {
    selectedPeriod?: { start?: unknown; end?: unknown };
    pagination?: { limit?: unknown; offset?: unknown; snapshotTime?: unknown };
  };
  const start = parseTime(body.selectedPeriod?.start);
  const end = parseTime(body.selectedPeriod?.end);
  if (start === null || end === null)
    return badRequest(req, 'selectedPeriod.start and selectedPeriod.end must be RFC3339 date-times');
  if (start > end) return badRequest(req, 'selectedPeriod.start must not be after selectedPeriod.end');
  if (start < req.now - 31 * DAY_MS) return badRequest(req, 'selectedPeriod.start must be within the last 31 days');
  const limit = body.pagination?.limit ?? MAX_LIMIT;
  const offset = body.pagination?.offset ?? 0;
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_LIMIT)
    return badRequest(req, `pagination.limit must be 1..${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || (offset as number) < 0) return badRequest(req, 'pagination.offset must be >= 0');
  const snapshotRaw = body.pagination?.snapshotTime;
  const snapshot =
    snapshotRaw === undefined || snapshotRaw === null || snapshotRaw === ''
      ? Math.floor(req.now / 1000) * 1000
      : parseTime(snapshotRaw);
  if (snapshot === null || snapshot > req.now) return badRequest(req, 'pagination.snapshotTime is invalid');

  // The feed speaks whole seconds: its snapshot covers everything within its second.
  const horizon = snapshot + 999;
  const matched: { order: Order; status: Status; updatedAt: number }[] = [];
  for (const order of req.seller.orders) {
    if (order.date > horizon) continue;
    const state = statusAsOf(order, horizon);
    if (state.updatedAt >= start && state.updatedAt <= end) matched.push({ order, ...state });
  }
  // WB documents the rows as sorted by the time of the current status, newest first.
  matched.sort((a, b) => b.updatedAt - a.updatedAt || b.order.seq - a.order.seq);
  const page = matched.slice(offset as number, (offset as number) + (limit as number));
  return {
    status: 200,
    body: {
      data: {
        snapshotTime: formatMskOffset(snapshot),
        total: matched.length,
        orders: page.map(({ order, status, updatedAt }) => ({
          nmId: order.size.product.nmId,
          chrtId: order.size.chrtId,
          srid: req.seller.srid(order),
          createdAt: formatMskOffset(order.date),
          updatedAt: formatMskOffset(updatedAt),
          status,
          cancelType: status === 'cancel' ? 'client' : null,
          warehouseName: order.warehouse.name,
          warehouseRegion: order.warehouse.region,
          isMp: order.warehouse.kind === 'seller',
          destinationCity: order.region.city,
          destinationDistrict: order.region.okrug,
          sellerPrice: order.priceWithDisc,
          isB2b: false,
        })),
      },
    },
  };
}

function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || !RFC3339.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function orderFeedRoute(): Route {
  return {
    method: 'POST',
    path: '/api/analytics/v1/order-feed',
    name: 'order-feed',
    group: 'order-feed',
    category: 'analytics',
    handle: orderFeed,
  };
}
