import { describe, expect, it } from 'vitest';
import { WbApiError } from '../errors.ts';
import { parseRows } from './rows.ts';
import { orderRowSchema, saleRowSchema } from './statistics.ts';

const order = {
  date: '2026-11-27T14:05:00',
  lastChangeDate: '2026-11-27T14:06:12.25',
  warehouseName: 'Коледино',
  warehouseType: 'Склад WB',
  countryName: 'Россия',
  oblastOkrugName: 'Центральный федеральный округ',
  regionName: 'Московская',
  supplierArticle: 'PLATE-01',
  nmId: 123456789,
  barcode: '2037401340280',
  category: 'Дом',
  subject: 'Тарелки',
  brand: 'Посуда+',
  techSize: '0',
  incomeID: 56735459,
  isSupply: false,
  isRealization: true,
  totalPrice: 1520,
  discountPercent: 30,
  spp: 25,
  finishedPrice: 798,
  priceWithDisc: 1064,
  isCancel: false,
  cancelDate: '0001-01-01T00:00:00',
  sticker: '926912515',
  gNumber: '34343462218572569531',
  srid: '11.rf9ef11fce1684117b0nhj96222488bf.0.0',
};

describe('parseRows', () => {
  it('keeps every good row and reports each bad one with its key and the reason', () => {
    const raw = [
      order,
      { ...order, srid: 'b', nmId: 'не число' },
      { ...order, srid: 'c', lastChangeDate: 'когда-то' },
      { ...order, srid: 'd' },
    ];
    const { rows, bad } = parseRows(orderRowSchema, raw, 'supplier/orders', 'srid');
    expect(rows.map((row) => row.srid)).toEqual([order.srid, 'd']);
    expect(rows[0]?.lastChangeDate.toISOString()).toBe('2026-11-27T11:06:12.250Z');
    expect(rows[0]?.cancelDate).toBeNull();
    expect(bad).toEqual([
      { index: 1, key: 'b', problem: expect.stringMatching(/^nmId: /) },
      { index: 2, key: 'c', problem: 'lastChangeDate: not a Moscow datetime: "когда-то"' },
    ]);
  });

  it('types sales by the first letter of saleID and reports other kinds', () => {
    const sale = { ...order, paymentSaleAmount: 0, forPay: 700.5, saleID: 'S9993700024' };
    const { rows, bad } = parseRows(
      saleRowSchema,
      [sale, { ...sale, saleID: 'R9993700025', forPay: -700.5 }, { ...sale, saleID: 'D1' }],
      'supplier/sales',
      'saleID',
    );
    expect(rows.map((row) => [row.saleID, row.type, row.forPay])).toEqual([
      ['S9993700024', 'buyout', 700.5],
      ['R9993700025', 'return', -700.5],
    ]);
    expect(bad).toEqual([{ index: 2, key: 'D1', problem: 'saleID: saleID must start with S (buyout) or R (return)' }]);
  });

  it('calls a body that is not an array a bad response', () => {
    expect(() => parseRows(orderRowSchema, { errors: ['x'] }, 'supplier/orders', 'srid')).toThrow(WbApiError);
  });
});
