import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { parsePayload, type NotificationType } from '@wb-assist/domain';
import { SAMPLE_PAYLOADS } from '@wb-assist/domain/testing';

// A database deployed before the registry holds outbox events whose payload is the sync's raw
// upsert row. The migration must turn each into its type's registry shape, which readers parse
// without fallbacks.
const MIGRATION = fs.readFileSync(
  path.join(migrationsDir, '20261207010000_outbox_payloads_v1', 'migration.sql'),
  'utf8',
);

/** The statistics columns as the old sync stored them: pg's NUMERIC text, Dates as JSON. */
const statistics = {
  nm_id: 123456789,
  srid: 'srid-old',
  supplier_article: 'FT-001',
  brand: 'Nike',
  subject: 'Футболки',
  category: 'Одежда',
  tech_size: 'L',
  barcode: '2000000000017',
  warehouse_name: 'Коледино',
  warehouse_type: 'Склад WB',
  region_name: null,
  oblast_okrug_name: 'Центральный федеральный округ',
  country_name: 'Россия',
  total_price: '2500.00',
  discount_percent: 30,
  spp: '7.50',
  finished_price: '1618.75',
  price_with_disc: '1750.00',
  inserted: true,
  changed: false,
};

/** Types born after the registry never had a raw-row payload. */
type OldType = Exclude<
  NotificationType,
  'new_question' | 'stock_forecast' | 'anomaly' | 'key_health' | 'morning_summary'
>;

const OLD: Record<OldType, object> = {
  new_order: {
    ...statistics,
    order_date: '2026-11-27T11:05:00.000Z',
    g_number: 'g-1',
    is_cancel: false,
    cancel_date: null,
    before_is_cancel: null,
  },
  cancellation: {
    ...statistics,
    order_date: '2026-11-27T11:05:00.000Z',
    g_number: null,
    is_cancel: true,
    cancel_date: '2026-11-27T12:00:00.000Z',
    before_is_cancel: false,
  },
  buyout: {
    ...statistics,
    sale_id: 'S-old',
    type: 'buyout',
    sale_date: '2026-11-27T11:05:00.000Z',
    for_pay: '1500.00',
    payment_sale_amount: '0.00',
    nothing: null,
  },
  return: {
    ...statistics,
    sale_id: 'R-old',
    type: 'return',
    sale_date: '2026-11-27T11:05:00.000Z',
    total_price: '-2500.00',
    for_pay: '-1500.00',
    payment_sale_amount: '0.00',
    nothing: null,
  },
  negative_review: {
    review_id: 'review-old',
    nm_id: 123456789,
    product_name: null,
    supplier_article: 'FT-001',
    brand_name: 'Nike',
    size: 'L',
    rating: 2,
    text: 'Ткань тонкая',
    pros: '',
    cons: 'Качество',
    user_name: null,
    created_date: '2026-11-27T11:05:00.000Z',
    inserted: true,
    changed: false,
    nothing: null,
  },
  critical_stock: {
    nmId: 123456789,
    sizeKey: 'chrt:1',
    techSize: null,
    available: 2,
    warehouses: [
      { name: 'Коледино', region: 'Центральный', quantity: 2 },
      { name: 'Казань', region: null, quantity: 0 },
    ],
    threshold: 2,
  },
};

let pool: pg.Pool;
let cabinetId: string;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl() });
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at, status)
     VALUES ('old-payloads', 'ИП Тест', 'v1:x:y:z', 'f', 'personal', 0, now() + interval '90 days', 'ready') RETURNING id`,
  );
  cabinetId = rows[0]!.id;
});
afterAll(() => pool?.end());

const store = (type: NotificationType, key: string, payload: object) =>
  pool.query(
    `INSERT INTO outbox_events (cabinet_id, type, event_key, occurred_at, payload) VALUES ($1, $2, $3, now(), $4)`,
    [cabinetId, type, key, JSON.stringify(payload)],
  );

const stored = async (key: string) =>
  (await pool.query<{ payload: unknown }>('SELECT payload FROM outbox_events WHERE event_key = $1', [key])).rows[0]
    ?.payload;

describe('the outbox_payloads_v1 migration', () => {
  it('rewrites every old raw-row payload into its type’s registry shape, and leaves new ones alone', async () => {
    for (const [type, payload] of Object.entries(OLD) as [OldType, object][]) {
      await store(type, `old:${type}`, payload);
    }
    await store('new_order', 'new:new_order', SAMPLE_PAYLOADS.new_order);

    await pool.query(MIGRATION);

    const parsed = Object.fromEntries(
      await Promise.all(
        (Object.keys(OLD) as OldType[]).map(async (type) => {
          const payload = await stored(`old:${type}`);
          // Exactly the schema's fields: nothing of the upsert's flags is left.
          expect(payload).toEqual(parsePayload(type, payload));
          return [type, payload];
        }),
      ),
    );
    expect(parsed.new_order).toMatchObject({
      v: 1,
      nmId: 123456789,
      srid: 'srid-old',
      orderDate: '2026-11-27T11:05:00.000Z',
      finishedPrice: '1618.75',
      regionName: null,
      cancelDate: null,
    });
    expect(parsed.cancellation).toMatchObject({ isCancel: true, cancelDate: '2026-11-27T12:00:00.000Z' });
    expect(parsed.return).toMatchObject({ saleId: 'R-old', totalPrice: '-2500.00', forPay: '-1500.00' });
    expect(parsed.negative_review).toMatchObject({ reviewId: 'review-old', rating: 2, productName: null });
    expect(parsed.critical_stock).toEqual({
      v: 1,
      nmId: 123456789,
      sizeKey: 'chrt:1',
      techSize: null,
      available: 2,
      threshold: 2,
      warehouses: [
        { warehouseName: 'Коледино', regionName: 'Центральный', quantity: 2 },
        { warehouseName: 'Казань', regionName: null, quantity: 0 },
      ],
    });
    expect(await stored('new:new_order')).toEqual(SAMPLE_PAYLOADS.new_order);
  });
});
