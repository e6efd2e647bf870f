import type { z } from 'zod';
import { WbApiError } from '../errors.ts';

export interface BadRow {
  /** Position in WB's response. */
  index: number;
  /** WB's key of the row when it could be read (srid, saleID, id, nmID). */
  key: string | undefined;
  problem: string;
}

export interface ParsedRows<T> {
  rows: T[];
  bad: BadRow[];
}

/**
 * Validates row by row: one malformed row is reported and skipped, never fails the page and
 * is never dropped silently. A response that is not an array at all is a bad response.
 */
export function parseRows<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  method: string,
  keyField: string,
): ParsedRows<z.output<S>> {
  if (!Array.isArray(raw)) {
    throw new WbApiError({
      code: 'bad_response',
      method,
      message: `${method}: expected an array of rows, got ${typeof raw}`,
    });
  }
  const rows: z.output<S>[] = [];
  const bad: BadRow[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    const keyValue = item && typeof item === 'object' ? (item as Record<string, unknown>)[keyField] : undefined;
    bad.push({
      index,
      key: typeof keyValue === 'string' || typeof keyValue === 'number' ? String(keyValue) : undefined,
      problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; '),
    });
  });
  return { rows, bad };
}

export function parseEnvelope<S extends z.ZodType>(schema: S, raw: unknown, method: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new WbApiError({
      code: 'bad_response',
      method,
      message: `${method}: unexpected response shape (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    });
  }
  return parsed.data;
}
