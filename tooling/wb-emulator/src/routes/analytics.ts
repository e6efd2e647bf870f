import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { parseJsonBody } from '../http/problem.ts';
import type { Store } from '../store.ts';
import { orderFeedRoute } from './order-feed.ts';
import { warehouseRemainsRoutes } from './warehouse-remains.ts';

const MAX_STOCK_ROWS = 250_000;

const badRequest = (req: AuthedRequest, detail: string): Reply => ({
  status: 400,
  body: { title: 'Invalid request body', detail, requestId: req.requestId, origin: 'analytic-open-api' },
});

/** `POST /api/analytics/v1/stocks-report/wb-warehouses`: one row per size per WB warehouse. */
function stocksReport(req: AuthedRequest): Reply {
  const parsed = parseJsonBody(req.body);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
    return badRequest(req, 'code=400, message=invalid request body');
  const body = parsed.value as { nmIds?: unknown; chrtIds?: unknown; limit?: unknown; offset?: unknown };
  const nmIds = body.nmIds ?? [];
  const chrtIds = body.chrtIds ?? [];
  if (!isIntArray(nmIds) || nmIds.length > 1000) return badRequest(req, 'code=400, message=invalid: nmIds');
  if (!isIntArray(chrtIds)) return badRequest(req, 'code=400, message=invalid: chrtIds');
  const limit = body.limit ?? MAX_STOCK_ROWS;
  const offset = body.offset ?? 0;
  if (!Number.isInteger(limit) || (limit as number) < 0 || (limit as number) > MAX_STOCK_ROWS)
    return badRequest(req, 'code=400, message=invalid: limit');
  if (!Number.isInteger(offset) || (offset as number) < 0) return badRequest(req, 'code=400, message=invalid: offset');

  const seller = req.seller;
  const items = [];
  for (const product of seller.products) {
    if (nmIds.length > 0 && !nmIds.includes(product.nmId)) continue;
    for (const size of product.sizes) {
      // chrtIds narrow only the nmIds given (WB: "used only for the nmIds in the array").
      if (chrtIds.length > 0 && nmIds.length > 0 && !chrtIds.includes(size.chrtId)) continue;
      for (const warehouse of seller.warehouses) {
        if (warehouse.kind !== 'wb') continue;
        const cell = seller.stocks.get(`${size.chrtId}:${warehouse.id}`);
        if (!cell || cell.quantity + cell.inWayToClient + cell.inWayFromClient === 0) continue;
        items.push({
          nmId: product.nmId,
          chrtId: size.chrtId,
          warehouseId: warehouse.id,
          warehouseName: warehouse.name,
          regionName: warehouse.region,
          quantity: cell.quantity,
          inWayToClient: cell.inWayToClient,
          inWayFromClient: cell.inWayFromClient,
        });
      }
    }
  }
  return {
    status: 200,
    body: { data: { items: items.slice(offset as number, (offset as number) + (limit as number)) } },
  };
}

function isIntArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v));
}

export function analyticsRoutes(store: Store): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/analytics/v1/stocks-report/wb-warehouses',
      name: 'stocks-report',
      group: 'stocks-report',
      category: 'analytics',
      baseAllowed: false,
      handle: stocksReport,
    },
    ...warehouseRemainsRoutes(store),
    orderFeedRoute(),
  ];
}
