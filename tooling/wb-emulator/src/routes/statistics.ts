import type { Reply, Route, AuthedRequest } from '../http/types.ts';
import { DAY_MS, mskDayStart, parseMsk } from '../msk-time.ts';
import type { RowLog } from '../seller/row-log.ts';
import type { Seller } from '../seller/seller.ts';
import type { Store } from '../store.ts';
import { ByteWriter } from '../http/byte-writer.ts';
import { writeOrderRow, writeSaleRow } from './statistics-rows.ts';

type Versioned = { seq: number; date: number; versionAsOf(horizon: number): number };

/** Statistics 400s are not problem bodies: `{"errors":[...]}` or `{"errors":"..."}`. */
const fieldRequired = (): Reply => ({ status: 400, body: { errors: ['dateFrom: field required'] } });
const notValidated = (field: string): Reply => ({ status: 400, body: { errors: `${field}: Value not validated` } });

/** flag=1: every row whose `date` falls on that Moscow day, whatever its lastChangeDate; no page cap. */
function sameDayRows<T extends Versioned>(all: readonly T[], day: number, horizon: number, keep: (row: T) => boolean) {
  return all
    .filter((row) => row.date >= day && row.date < day + DAY_MS && row.date <= horizon && keep(row))
    .map((row) => ({ row, time: row.versionAsOf(horizon) }))
    .sort((a, b) => a.time - b.time);
}

export function statisticsRoutes(store: Store): Route[] {
  const listing = <T extends Versioned>(
    pick: (seller: Seller) => { log: RowLog<T>; all: readonly T[] },
    write: (out: ByteWriter, seller: Seller, row: T, version: number) => void,
  ) => {
    return (req: AuthedRequest): Reply => {
      const dateFromRaw = req.query.get('dateFrom');
      if (dateFromRaw === null || dateFromRaw === '') return fieldRequired();
      const dateFrom = parseMsk(dateFromRaw);
      if (dateFrom === null) return notValidated('dateFrom');
      const flagRaw = req.query.get('flag') ?? '0';
      if (flagRaw !== '0' && flagRaw !== '1' && flagRaw !== '') return notValidated('flag');

      const horizon = store.statisticsHorizon(req.now);
      const keepFrom = req.now - store.options.retentionDays * DAY_MS;
      const keep = (row: T) => row.date >= keepFrom;
      const { log, all } = pick(req.seller);
      const versions =
        flagRaw === '1'
          ? sameDayRows(all, mskDayStart(dateFrom), horizon, keep)
          : log.page(dateFrom, horizon, store.options.pageLimit, keep);
      const out = new ByteWriter(versions.length * 700 + 2);
      out.ascii('[');
      versions.forEach(({ row, time }, i) => {
        if (i > 0) out.ascii(',');
        write(out, req.seller, row, time);
      });
      out.ascii(']');
      return { status: 200, raw: out.toBuffer() };
    };
  };

  return [
    {
      method: 'GET',
      path: '/api/v1/supplier/orders',
      name: 'orders',
      group: 'orders',
      category: 'statistics',
      sandbox: true,
      handle: listing((s) => ({ log: s.orderLog, all: s.orders }), writeOrderRow),
    },
    {
      method: 'GET',
      path: '/api/v1/supplier/sales',
      name: 'sales',
      group: 'sales',
      category: 'statistics',
      sandbox: true,
      handle: listing((s) => ({ log: s.saleLog, all: s.sales }), writeSaleRow),
    },
  ];
}
