// Throwaway experiment: where the upsert's database time goes (deleted after use).
import pg from 'pg';
import { createDatabase, dropDatabase, startTestServer, uniqueDatabaseName } from '@wb-assist/db/testing';
import { migrate } from '@wb-assist/db';
import { SQL } from '../../packages/sync/src/store/tables.ts';

const server = await startTestServer(process.argv[2]);
const names: string[] = [];
async function fresh() {
  const name = uniqueDatabaseName('wb_exp');
  names.push(name);
  const url = await createDatabase(server.adminUrl, name);
  await migrate(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO cabinets (seller_id, name, token_encrypted, token_fingerprint, token_type, token_scopes, token_expires_at)
     VALUES ('s', 'n', 'x', 'f', 'personal', 0, now()) RETURNING id`,
  );
  return { pool, cabinetId: rows[0]!.id };
}
// 100k synthetic orders shaped like orderRecord's output.
const records = Array.from({ length: 100_000 }, (_, i) => {
  const at = new Date(Date.UTC(2026, 9, 1) + i * 20_000).toISOString();
  return {
    srid: `${i}.abcdef0123456789abcdef`, order_date: at, last_change_date: at, warehouse_name: 'Коледино',
    warehouse_type: 'Склад WB', country_name: 'Россия', oblast_okrug_name: 'Центральный федеральный округ',
    region_name: 'Московская область', supplier_article: `ART-${i % 40}`, nm_id: 100000 + (i % 40),
    barcode: `2000000${i % 200}`, category: 'Одежда', subject: 'Футболки', brand: 'Bench', tech_size: 'M',
    income_id: 1000 + (i % 97), is_supply: false, is_realization: true, total_price: '1234.00', discount_percent: 20,
    spp: '25', finished_price: '777.50', price_with_disc: '987.20', sticker: '', g_number: `G${i}`,
    is_cancel: i % 7 === 0, cancel_date: i % 7 === 0 ? at : null,
  };
});
const batches: string[] = [];
for (let s = 0; s < records.length; s += 5000) batches.push(JSON.stringify(records.slice(s, s + 5000)));
const insertOnly = SQL.orders.replace(/ON CONFLICT[\s\S]*?RETURNING/, 'RETURNING');
const variants: [string, string][] = [
  ['current upsert (jsonb_to_recordset, ON CONFLICT, RETURNING + count)', SQL.orders],
  ['same with json_to_recordset', SQL.orders.replace('jsonb_to_recordset($2::jsonb)', 'json_to_recordset($2::json)')],
  ['INSERT only (no ON CONFLICT), jsonb', insertOnly],
];
for (const [label, sql] of variants) {
  const { pool, cabinetId } = await fresh();
  const t = performance.now();
  for (const batch of batches) await pool.query(sql, [cabinetId, batch]);
  console.log(`${label}: 100k rows in 20 batches: ${(performance.now() - t).toFixed(0)} ms`);
  await pool.end();
}
{
  const { pool, cabinetId } = await fresh();
  for (const batch of batches.slice(0, 10)) await pool.query(SQL.orders, [cabinetId, batch]);
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING) ${SQL.orders}`, [cabinetId, batches[10]]);
  console.log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  const t = performance.now();
  await pool.query(`SELECT count(*) FROM jsonb_to_recordset($1::jsonb) AS r(srid text)`, [batches[11]]);
  console.log(`jsonb parse + recordset alone for 5k rows: ${(performance.now() - t).toFixed(0)} ms; batch JSON ${(batches[11]!.length / 1e6).toFixed(1)} MB`);
  await pool.end();
}
for (const name of names) await dropDatabase(server.adminUrl, name);
await server.stop();
