import type { Fault } from '../faults.ts';

/** Breaks one field's type in the first row a client would read (e.g. nmId becomes a string). */
export function withWrongType(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  const row = firstRow(value);
  if (row) {
    const key =
      Object.keys(row).find((k) => typeof row[k] === 'number') ??
      Object.keys(row).find((k) => typeof row[k] === 'string');
    if (key !== undefined) row[key] = typeof row[key] === 'number' ? `not-a-number-${String(row[key])}` : 12345;
  }
  return JSON.stringify(value);
}

type Row = Record<string, unknown>;

function firstRow(value: unknown): Row | null {
  if (Array.isArray(value)) return isRow(value[0]) ? value[0] : null;
  if (!isRow(value)) return null;
  for (const key of ['items', 'feedbacks', 'orders', 'cards']) {
    const list = value[key];
    if (Array.isArray(list) && isRow(list[0])) return list[0];
  }
  if (isRow(value.data)) return firstRow(value.data) ?? value.data;
  return value;
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the socket should carry for a body-level fault. */
export function faultyBody(
  fault: Fault | null,
  raw: string | Buffer,
): { body: string | Buffer; declaredLength: number } {
  if (fault === null || fault.kind === '429' || fault.kind === '5xx' || fault.kind === 'hang') {
    return { body: raw, declaredLength: Buffer.byteLength(raw) };
  }
  const body = raw.toString();
  if (fault?.kind === 'malformed-json') {
    const cut = `${body.slice(0, Math.max(1, Math.floor(body.length / 2)))}<!-- upstream reset -->`;
    return { body: cut, declaredLength: Buffer.byteLength(cut) };
  }
  if (fault?.kind === 'wrong-type') {
    const changed = withWrongType(body);
    return { body: changed, declaredLength: Buffer.byteLength(changed) };
  }
  if (fault?.kind === 'truncated') {
    // Promise the full length, then send half and drop the connection.
    return { body: body.slice(0, Math.floor(body.length / 2)), declaredLength: Buffer.byteLength(body) };
  }
  return { body, declaredLength: Buffer.byteLength(body) };
}
