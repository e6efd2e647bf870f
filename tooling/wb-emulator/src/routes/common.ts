import type { Route } from '../http/types.ts';
import { formatMskOffset } from '../msk-time.ts';

export function commonRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/seller-info',
      name: 'seller-info',
      group: 'seller-info',
      category: null,
      testAllowed: false,
      handle: (req) => ({
        status: 200,
        body: { name: req.seller.name, sid: req.seller.sid, tin: req.seller.tin, tradeMark: req.seller.tradeMark },
      }),
    },
    {
      // One server answers for every host, so /ping is one route; its bucket is keyed by the
      // Host header so each base URL keeps its own 3-per-30-s limit.
      method: 'GET',
      path: '/ping',
      name: 'ping',
      group: 'ping',
      category: null,
      sandbox: true,
      handle: (req) => ({ status: 200, body: { TS: formatMskOffset(req.now), Status: 'OK' } }),
    },
  ];
}
