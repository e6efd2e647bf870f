import type { AuthedRequest, Reply, Route } from '../http/types.ts';
import { shortError } from '../http/problem.ts';
import type { RemainsTask, Store } from '../store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORIGIN = 'api-statistics';
// WB declares this API's 400s as application/json and its 404s as application/problem+json.
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The Base-token way to stocks: create a task, poll its status (new → processing → done),
 * download. A task is `processing` for the first half of `reportReadyMinutes`.
 */
export function warehouseRemainsRoutes(store: Store): Route[] {
  const statusOf = (task: RemainsTask, now: number): RemainsTask['status'] => {
    const readyMs = store.options.reportReadyMinutes * 60_000;
    const age = now - task.createdAt;
    if (age >= readyMs) return 'done';
    return age >= readyMs / 2 ? 'processing' : 'new';
  };

  const findTask = (req: AuthedRequest, id: string): { task: RemainsTask } | { reply: Reply } => {
    if (!UUID.test(id)) {
      return {
        reply: shortError(
          400,
          'Bad Request',
          `Invalid format for parameter task_id: error unmarshaling '${id}' text as *uuid.UUID: invalid UUID format`,
          req.requestId,
          ORIGIN,
          JSON_TYPE,
        ),
      };
    }
    const task = store.tasks.get(id);
    if (!task || task.sid !== req.seller.sid)
      return { reply: shortError(404, 'Not Found', 'not found', req.requestId, ORIGIN) };
    return { task };
  };

  return [
    {
      method: 'GET',
      path: '/api/v1/warehouse_remains',
      name: 'warehouse-remains-create',
      group: 'warehouse-remains-create',
      category: 'analytics',
      handle: (req) => {
        for (const flag of [
          'groupByBrand',
          'groupBySubject',
          'groupBySa',
          'groupByNm',
          'groupByBarcode',
          'groupBySize',
        ]) {
          const value = req.query.get(flag);
          if (value !== null && value !== 'true' && value !== 'false') {
            return shortError(
              400,
              'Bad Request',
              `parameter "${flag}" in query has an error: value ${value}: an invalid boolean: invalid syntax`,
              req.requestId,
              ORIGIN,
              JSON_TYPE,
            );
          }
        }
        const task: RemainsTask = { id: store.newTaskId(), sid: req.seller.sid, createdAt: req.now, status: 'new' };
        store.tasks.set(task.id, task);
        return { status: 200, body: { data: { taskId: task.id } } };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/warehouse_remains\/tasks\/(?<id>[^/]+)\/status$/,
      name: 'warehouse-remains-status',
      group: 'warehouse-remains-status',
      category: 'analytics',
      handle: (req, params) => {
        const found = findTask(req, params.id ?? '');
        if ('reply' in found) return found.reply;
        return { status: 200, body: { data: { id: found.task.id, status: statusOf(found.task, req.now) } } };
      },
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/warehouse_remains\/tasks\/(?<id>[^/]+)\/download$/,
      name: 'warehouse-remains-download',
      group: 'warehouse-remains-download',
      category: 'analytics',
      handle: (req, params) => {
        const found = findTask(req, params.id ?? '');
        if ('reply' in found) return found.reply;
        if (statusOf(found.task, req.now) !== 'done')
          return shortError(400, 'Bad Request', 'task is not done yet', req.requestId, ORIGIN, JSON_TYPE);
        return { status: 200, body: remainsReport(req) };
      },
    },
  ];
}

function remainsReport(req: AuthedRequest) {
  const seller = req.seller;
  const rows = [];
  for (const product of seller.products) {
    for (const size of product.sizes) {
      let toClient = 0;
      let fromClient = 0;
      let total = 0;
      const perWarehouse = [];
      for (const w of seller.warehouses) {
        if (w.kind !== 'wb') continue;
        const cell = seller.stocks.get(`${size.chrtId}:${w.id}`);
        if (!cell) continue;
        toClient += cell.inWayToClient;
        fromClient += cell.inWayFromClient;
        total += cell.quantity;
        if (cell.quantity > 0) perWarehouse.push({ warehouseName: w.name, quantity: cell.quantity });
      }
      // Pseudo-warehouses WB mixes into the list; only non-zero quantities are listed.
      const pseudo = [
        { warehouseName: 'В пути до получателей', quantity: toClient },
        { warehouseName: 'В пути возвраты на склад WB', quantity: fromClient },
        { warehouseName: 'Всего находится на складах', quantity: total },
      ].filter((w) => w.quantity > 0);
      rows.push({
        brand: product.brand,
        subjectName: product.subject,
        vendorCode: product.vendorCode,
        nmId: product.nmId,
        barcode: size.barcode,
        techSize: size.techSize,
        volume: 1.33,
        warehouses: [...pseudo, ...perWarehouse],
      });
    }
  }
  return rows;
}
