import type { ByteWriter } from '../http/byte-writer.ts';
import { formatMsk } from '../msk-time.ts';
import type { Order, Region, Sale, Size, Warehouse } from '../seller/model.ts';
import type { Seller } from '../seller/seller.ts';

// Rows are written as UTF-8 bytes from cached, pre-encoded fragments: an 80,000-row page must
// serialise in well under a second, and most fields depend only on the size, warehouse or
// region. Everything written with `ascii` is digits, dates, hex ids or JSON punctuation.
const q = JSON.stringify;
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function warehouseJson(w: Warehouse): Buffer {
  return (w.statisticsJson ??= utf8(
    `"warehouseName":${q(w.maskedName ?? w.name)},"warehouseType":${q(w.kind === 'wb' ? 'Склад WB' : 'Склад продавца')},`,
  ));
}

function regionJson(r: Region): Buffer {
  return (r.statisticsJson ??= utf8(
    `"countryName":"Россия","oblastOkrugName":${q(r.okrug)},"regionName":${q(r.region)},`,
  ));
}

function sizeJson(s: Size): Buffer {
  const p = s.product;
  return (s.statisticsJson ??= utf8(
    `"supplierArticle":${q(p.vendorCode)},"nmId":${p.nmId},"barcode":${q(s.barcode)},"category":${q(p.category)},` +
      `"subject":${q(p.subject)},"brand":${q(p.brand)},"techSize":${q(s.techSize)},"incomeID":${s.incomeId},"isSupply":false,"isRealization":true,`,
  ));
}

function head(out: ByteWriter, date: number, version: number, o: Order): void {
  out.ascii(`{"date":"${formatMsk(date)}","lastChangeDate":"${formatMsk(version)}",`);
  out.bytes(warehouseJson(o.warehouse));
  out.bytes(regionJson(o.region));
  out.bytes(sizeJson(o.size));
}

function tail(out: ByteWriter, seller: Seller, o: Order): void {
  out.ascii(`"sticker":"${seller.sticker(o)}","gNumber":"${seller.gNumber(o)}","srid":"${seller.srid(o)}"}`);
}

/** An order row as it read at `version` (its lastChangeDate). */
export function writeOrderRow(out: ByteWriter, seller: Seller, o: Order, version: number): void {
  const cancelled = o.cancelAt !== 0 && o.cancelAt <= version;
  head(out, o.date, version, o);
  out.ascii(
    `"totalPrice":${o.totalPrice},"discountPercent":${o.discountPercent},"spp":${o.spp},"finishedPrice":${o.finishedPrice},` +
      `"priceWithDisc":${o.priceWithDisc},"isCancel":${cancelled},"cancelDate":"${cancelled ? formatMsk(o.cancelAt) : '0001-01-01T00:00:00'}",`,
  );
  tail(out, seller, o);
}

/** A sale (S) or return (R) row as it read at `version`; money is 0 until filled, negative for R. */
export function writeSaleRow(out: ByteWriter, seller: Seller, s: Sale, version: number): void {
  const o = s.order;
  const filled = s.fillAt <= version;
  const sign = s.kind === 'S' ? 1 : -1;
  const money = (value: number) => (filled ? sign * value : 0);
  head(out, s.date, version, o);
  out.ascii(
    `"totalPrice":${o.totalPrice},"discountPercent":${o.discountPercent},"spp":${o.spp},` +
      `"paymentSaleAmount":${filled ? s.paymentSaleAmount : 0},"forPay":${filled ? s.forPay : 0},` +
      `"finishedPrice":${money(o.finishedPrice)},"priceWithDisc":${money(o.priceWithDisc)},"saleID":"${seller.saleId(s)}",`,
  );
  tail(out, seller, o);
}
