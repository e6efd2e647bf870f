import { afterEach, describe, expect, it } from 'vitest';
import { harness, T0, type Harness } from '../testing/harness.ts';

let h: Harness;
afterEach(() => h.emulator.close());

describe('control API', () => {
  it('describes the seller it created: products with sizes and barcodes, WB and seller warehouses', async () => {
    h = await harness();
    const seller = await h.emulator.control.seller(h.seller.sid);
    expect(seller.products).toHaveLength(4);
    expect(seller.products[0]?.sizes[0]?.barcode).toMatch(/^\d{13}$/);
    expect(seller.warehouses.some((w) => w.kind === 'wb')).toBe(true);
    expect(seller.warehouses.some((w) => w.kind === 'seller')).toBe(true);
  });

  it('sets stock that the stocks report then shows', async () => {
    h = await harness();
    const chrtId = h.seller.products[0]?.sizes[0]?.chrtId ?? 0;
    const warehouseId = h.seller.warehouses.find((w) => w.kind === 'wb')?.id ?? 0;
    await h.emulator.control.setStock(h.seller.sid, { chrtId, warehouseId, quantity: 2 });
    const body = (await (
      await h.post('/api/analytics/v1/stocks-report/wb-warehouses', { nmIds: [h.seller.products[0]?.nmId] })
    ).json()) as {
      data: { items: { chrtId: number; warehouseId: number; quantity: number }[] };
    };
    expect(body.data.items.find((i) => i.chrtId === chrtId && i.warehouseId === warehouseId)?.quantity).toBe(2);
  });

  it('moves the frozen clock only when told, and never backwards', async () => {
    h = await harness();
    expect((await h.emulator.control.now()).now).toBe(T0);
    expect((await h.emulator.control.advanceClock({ hours: 1 })).now).toBe(T0 + 3_600_000);
    await expect(h.emulator.control.setClock(T0)).rejects.toThrow(/only moves forward/);
  });

  it('counts requests per method group and the 429s its limiter gave (injected ones aside)', async () => {
    h = await harness({ rateLimits: true });
    const sales = '/api/v1/supplier/sales?dateFrom=2026-11-27';
    expect((await h.get(sales)).status).toBe(200);
    expect((await h.get(sales)).status).toBe(429);
    await h.emulator.control.injectFault({ method: 'orders', kind: '429' });
    expect((await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27')).status).toBe(429);
    expect(await h.emulator.control.stats()).toEqual({ requests: { sales: 2 }, limited: { sales: 1 } });
  });

  it("logs each seller's requests with their arrival time, 429s and injected faults included", async () => {
    h = await harness({ rateLimits: true });
    const other = await h.emulator.control.createSeller();
    const otherToken = (await h.emulator.control.createToken({ sid: other.sid })).token;
    const before = Date.now();
    await h.get('/api/v1/supplier/sales?dateFrom=2026-11-27');
    await h.get('/api/v1/supplier/sales?dateFrom=2026-11-27');
    await h.emulator.control.injectFault({ method: 'orders', kind: '5xx' });
    await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27');
    await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27', otherToken);

    const { requests } = await h.emulator.control.requests(h.seller.sid);
    expect(requests.map((request) => request.group)).toEqual(['sales', 'sales', 'orders']);
    expect(requests.every((request) => request.at >= before - 1 && request.at <= Date.now() + 1)).toBe(true);
    expect((await h.emulator.control.requests()).requests).toHaveLength(4);
  });

  it('reset forgets sellers and tokens', async () => {
    h = await harness();
    await h.emulator.control.reset();
    expect((await h.get('/api/v1/supplier/orders?dateFrom=2026-11-27')).status).toBe(401);
    await expect(h.emulator.control.seller(h.seller.sid)).rejects.toThrow(/unknown seller/);
  });

  it('rejects unknown categories and token types', async () => {
    h = await harness();
    await expect(
      h.emulator.control.createToken({ sid: h.seller.sid, categories: ['everything' as never] }),
    ).rejects.toThrow(/categories/);
    await expect(h.emulator.control.createToken({ sid: h.seller.sid, type: 'root' as never })).rejects.toThrow(
      /type must be/,
    );
  });
});
