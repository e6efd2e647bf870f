import { createGraphQLError } from 'graphql-yoga';
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { isStorableInstant } from './scalars.ts';

/** Every list sorts by a timestamptz or an int4 column. */
export type SortValue = Date | number;

interface KeysetQuery {
  /** Conditions that place rows after/before the cursors; AND them with the filters. */
  where: object[];
  orderBy: object[];
  take: number;
}

export interface KeysetOptions<Row extends { id: bigint }> {
  args: { first?: number | null; last?: number | null; before?: string | null; after?: string | null };
  /** The indexed column the list is sorted by; `id` breaks ties so no row is skipped. */
  field: string;
  /** The column's type: a cursor holding the other kind (or an out-of-range value) is refused. */
  fieldType: 'date' | 'int';
  descending: boolean;
  value: (row: Row) => SortValue;
  load: (query: KeysetQuery) => Promise<Row[]>;
}

export const MAX_PAGE = 100;

const badCursor = () => createGraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });

function encodeCursor(value: SortValue, id: bigint): string {
  const tagged = value instanceof Date ? { d: value.toISOString() } : { v: value };
  return Buffer.from(JSON.stringify([tagged, id.toString()])).toString('base64url');
}

const MAX_INT4 = 2 ** 31 - 1;
const MAX_INT8 = 2n ** 63n - 1n;

/**
 * Cursors come back from callers, who can write any JSON into them: whatever PostgreSQL could
 * not compare with the column (the wrong kind, a year outside 1..9999, a number beyond int4,
 * an id beyond bigint) is a bad cursor, not a failed query.
 */
function decodeCursor(cursor: string, fieldType: 'date' | 'int'): { value: SortValue; id: bigint } {
  let tagged: { d?: unknown; v?: unknown };
  let id: unknown;
  try {
    [tagged, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [typeof tagged, unknown];
  } catch {
    throw badCursor();
  }
  if (typeof id !== 'string' || !/^\d{1,19}$/.test(id) || BigInt(id) > MAX_INT8) throw badCursor();
  if (fieldType === 'date') {
    const value = typeof tagged?.d === 'string' ? new Date(tagged.d) : null;
    if (!value || !isStorableInstant(value)) throw badCursor();
    return { value, id: BigInt(id) };
  }
  const value = tagged?.v;
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_INT4) throw badCursor();
  return { value, id: BigInt(id) };
}

/**
 * Rows strictly beyond (value, id) when walking in the given direction. The redundant bound on
 * the field alone is what lets PostgreSQL start the index scan at the cursor instead of
 * filtering every row before it.
 */
function beyond(field: string, descending: boolean, cursor: { value: SortValue; id: bigint }): object {
  const op = descending ? 'lt' : 'gt';
  return {
    AND: [
      { [field]: { [`${op}e`]: cursor.value } },
      { OR: [{ [field]: { [op]: cursor.value } }, { [field]: cursor.value, id: { [op]: cursor.id } }] },
    ],
  };
}

/**
 * Keyset pagination over (field, id): each page is an index range scan from the cursor, so
 * page 1,000 costs what page 1 costs, and no COUNT(*) runs unless totalCount is asked.
 */
export function keysetConnection<Row extends { id: bigint }>(options: KeysetOptions<Row>) {
  return resolveCursorConnection(
    { args: options.args, toCursor: (row: Row) => encodeCursor(options.value(row), row.id), maxSize: MAX_PAGE },
    ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
      const where: object[] = [];
      if (after) where.push(beyond(options.field, options.descending, decodeCursor(after, options.fieldType)));
      if (before) where.push(beyond(options.field, !options.descending, decodeCursor(before, options.fieldType)));
      const direction = options.descending !== inverted ? 'desc' : 'asc';
      return options.load({
        where,
        orderBy: [{ [options.field]: direction }, { id: direction }],
        take: limit,
      });
    },
  );
}
