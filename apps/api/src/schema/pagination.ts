import { createGraphQLError } from 'graphql-yoga';
import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';

export type SortValue = Date | number | string;

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

function decodeCursor(cursor: string): { value: SortValue; id: bigint } {
  try {
    const [tagged, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      { d?: string; v?: number | string },
      string,
    ];
    const value = tagged.d !== undefined ? new Date(tagged.d) : tagged.v;
    if (value === undefined || (value instanceof Date && Number.isNaN(value.getTime())) || !/^\d+$/.test(id)) {
      throw badCursor();
    }
    return { value, id: BigInt(id) };
  } catch {
    throw badCursor();
  }
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
      if (after) where.push(beyond(options.field, options.descending, decodeCursor(after)));
      if (before) where.push(beyond(options.field, !options.descending, decodeCursor(before)));
      const direction = options.descending !== inverted ? 'desc' : 'asc';
      return options.load({
        where,
        orderBy: [{ [options.field]: direction }, { id: direction }],
        take: limit,
      });
    },
  );
}
