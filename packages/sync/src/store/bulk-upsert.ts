import type pg from 'pg';

export interface Column {
  /** Column in the table. */
  name: string;
  /** PostgreSQL type the JSON value is read as. */
  type: string;
  /**
   * A change here is a change that matters to users (a cancellation, money filled in):
   * it moves updated_at, which later stages read as "changed in this sync".
   */
  matters?: boolean;
}

export interface UpsertSpec {
  table: string;
  /** Columns of the unique key, besides cabinet_id. */
  key: string[];
  columns: Column[];
}

export interface UpsertResult {
  inserted: number;
  /** Rows whose stored values differed (any column). */
  updated: number;
  /** Of those, rows where a column that matters changed. */
  changed: number;
}

/** Per-row detail a periodic sync asks for, to find events: new values and the values before. */
export interface UpsertDetail {
  columns: string[];
  before: string[];
}

export interface UpsertedRow {
  inserted: boolean;
  changed: boolean;
  [column: string]: unknown;
}

/**
 * One statement per batch: rows arrive as a JSON array and are read with
 * json_to_recordset (plain json: no jsonb conversion to pay for), inserted, or updated only when something differs. created_at is set on
 * insert only; updated_at moves only when a column that matters changed, so an unchanged
 * boundary row from WB's `>=` paging leaves no trace.
 *
 * Without `detail` it answers counts (the initial sync: fast, no events). With `detail` it
 * answers one line per inserted or changed row, with the chosen columns as stored now and as
 * they were before (`before_<column>`; all CTEs read the same snapshot, so "before" is the
 * state this statement started from).
 */
export function buildUpsert(spec: UpsertSpec, detail?: UpsertDetail): string {
  const all = [
    ...spec.key.map((name) => spec.columns.find((c) => c.name === name) ?? { name, type: 'text' }),
    ...spec.columns.filter((c) => !spec.key.includes(c.name)),
  ];
  const names = all.map((c) => c.name);
  const recordset = all.map((c) => `${c.name} ${c.type}`).join(', ');
  const values = all.filter((c) => !spec.key.includes(c.name));
  const tuple = (prefix: string, columns: Column[]) => `(${columns.map((c) => `${prefix}.${c.name}`).join(', ')})`;
  const matters = values.filter((c) => c.matters);
  const upsert = `
      INSERT INTO ${spec.table} (cabinet_id, ${names.join(', ')})
      SELECT $1::uuid, ${names.map((n) => `r.${n}`).join(', ')}
      FROM json_to_recordset($2::json) AS r(${recordset})
      ON CONFLICT (cabinet_id, ${spec.key.join(', ')}) DO UPDATE SET
        ${values.map((c) => `${c.name} = EXCLUDED.${c.name}`).join(',\n        ')},
        updated_at = CASE WHEN ${tuple(spec.table, matters)} IS DISTINCT FROM ${tuple('EXCLUDED', matters)}
                          THEN now() ELSE ${spec.table}.updated_at END
      WHERE ${tuple(spec.table, values)} IS DISTINCT FROM ${tuple('EXCLUDED', values)}`;
  if (!detail) {
    return `
    WITH upserted AS (${upsert}
      RETURNING (xmax = 0) AS inserted, updated_at = now() AS changed
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted,
           count(*) FILTER (WHERE NOT inserted)::int AS updated,
           count(*) FILTER (WHERE NOT inserted AND changed)::int AS changed
    FROM upserted`;
  }
  const keys = spec.key;
  const returned = [...new Set([...keys, ...detail.columns])];
  return `
    WITH before AS (
      SELECT ${[...keys.map((k) => `t.${k}`), ...detail.before.map((c) => `t.${c} AS before_${c}`)].join(', ')}
      FROM ${spec.table} t
      JOIN json_to_recordset($2::json) AS r(${keys.map((k) => `${k} ${all.find((c) => c.name === k)?.type ?? 'text'}`).join(', ')})
        ON ${keys.map((k) => `t.${k} = r.${k}`).join(' AND ')}
      WHERE t.cabinet_id = $1::uuid
    ), upserted AS (${upsert}
      RETURNING ${returned.map((c) => `${spec.table}.${c}`).join(', ')}, (xmax = 0) AS inserted, updated_at = now() AS changed
    )
    SELECT u.*, ${detail.before.map((c) => `b.before_${c}`).join(', ') || 'NULL AS nothing'}
    FROM upserted u LEFT JOIN before b USING (${keys.join(', ')})`;
}

const BATCH = 10_000;

export async function bulkUpsert(
  client: pg.ClientBase,
  sql: string,
  cabinetId: string,
  rows: Record<string, unknown>[],
): Promise<UpsertResult> {
  const total: UpsertResult = { inserted: 0, updated: 0, changed: 0 };
  for (let start = 0; start < rows.length; start += BATCH) {
    const { rows: result } = await client.query<UpsertResult>(sql, [
      cabinetId,
      JSON.stringify(rows.slice(start, start + BATCH)),
    ]);
    const counts = result[0];
    if (counts) {
      total.inserted += counts.inserted;
      total.updated += counts.updated;
      total.changed += counts.changed;
    }
  }
  return total;
}

/** The detail variant: one line per inserted or changed row, and the counts. */
export async function bulkUpsertDetailed(
  client: pg.ClientBase,
  sql: string,
  cabinetId: string,
  rows: Record<string, unknown>[],
): Promise<{ counts: UpsertResult; rows: UpsertedRow[] }> {
  const counts: UpsertResult = { inserted: 0, updated: 0, changed: 0 };
  const changedRows: UpsertedRow[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const { rows: result } = await client.query<UpsertedRow>(sql, [
      cabinetId,
      JSON.stringify(rows.slice(start, start + BATCH)),
    ]);
    for (const row of result) {
      if (row.inserted) counts.inserted += 1;
      else counts.updated += 1;
      if (!row.inserted && row.changed) counts.changed += 1;
      changedRows.push(row);
    }
  }
  return { counts, rows: changedRows };
}
