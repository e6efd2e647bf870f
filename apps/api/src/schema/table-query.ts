import { offsetToCursor, resolveOffsetConnection } from '@pothos/plugin-relay';
import type { PrismaClient } from '@wb-assist/db';
import { keysetConnection, MAX_PAGE, type KeysetOptions } from './pagination.ts';
import { storableText } from './storable-text.ts';
import { badInput } from './time-zone.ts';

// What the dashboard's tables add to a list: a sort column, a search and page numbers. The
// relay cursors integrators use keep working alongside.

/** Deeper than this a page number is a mistake: PostgreSQL would walk every row skipped. */
export const MAX_OFFSET = 1_000_000;
const MAX_INT4 = 2 ** 31 - 1;
/** Product cards matched by name: a search wider than this is narrowed by typing more. */
const MAX_SEARCH_CARDS = 1_000;

interface ListArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
  offset?: number | null;
}

export const offsetArgument = {
  description: 'Rows to skip before `first`: page numbers. Its cursors are offsets, for `after`.',
} as const;

export interface SortedOptions<Row extends { id: bigint }> {
  args: ListArgs;
  descending: boolean;
  /** The column to order by (`id` breaks ties). */
  column: string;
  /**
   * When sorted by the list's indexed column and no page number is asked, the keyset pages it
   * (the cursors integrators already hold); every other order pages by offset.
   */
  keyset: Pick<KeysetOptions<Row>, 'field' | 'fieldType' | 'value'> | null;
  load: (query: { where: object[]; orderBy: object[]; take: number; skip?: number }) => Promise<Row[]>;
}

export function sortedConnection<Row extends { id: bigint }>(options: SortedOptions<Row>) {
  const { args } = options;
  if (options.keyset && args.offset == null)
    return keysetConnection<Row>({ ...options.keyset, args, descending: options.descending, load: options.load });
  const direction = options.descending ? 'desc' : 'asc';
  return resolveOffsetConnection({ args: pageArgs(args), maxSize: MAX_PAGE }, ({ offset, limit }) =>
    options.load({
      where: [],
      orderBy: [{ [options.column]: direction }, { id: direction }],
      skip: offset,
      take: limit,
    }),
  );
}

/** Relay arguments for a page number: `offset` becomes the cursor of the row before it. */
export function pageArgs(args: ListArgs): ListArgs {
  if (args.offset == null) return args;
  if (!Number.isInteger(args.offset) || args.offset < 0 || args.offset > MAX_OFFSET)
    throw badInput(`«offset» must be a whole number from 0 to ${MAX_OFFSET}.`);
  if (args.before || args.after || args.last != null)
    throw badInput('«offset» pages forward with «first»; leave out «after», «before» and «last».');
  return { first: args.first, after: args.offset > 0 ? offsetToCursor(args.offset - 1) : null };
}

/** The search as typed, trimmed; null when there is nothing to look for. */
export function searchText(search: string | null | undefined): string | null {
  const text = storableText(search, 'search')?.trim();
  return text ? text : null;
}

/**
 * nmIds a search names: the number itself when it is one, and the cards whose title or vendor
 * code contains it (rows carry the article, not the product's name).
 */
export async function searchedNmIds(prisma: PrismaClient, cabinetId: string, text: string): Promise<number[]> {
  const cards = await prisma.wbProduct.findMany({
    where: {
      cabinetId,
      OR: [{ title: { contains: text, mode: 'insensitive' } }, { vendorCode: { contains: text, mode: 'insensitive' } }],
    },
    select: { nmId: true },
    take: MAX_SEARCH_CARDS,
  });
  const nmIds = cards.map((card) => card.nmId);
  if (/^\d{1,10}$/.test(text) && Number(text) <= MAX_INT4) nmIds.push(Number(text));
  return nmIds;
}

/** Rows of an article (supplierArticle), an nmId or a product name matching the search. */
export async function articleSearch(
  prisma: PrismaClient,
  cabinetId: string,
  search: string | null | undefined,
): Promise<object | undefined> {
  const text = searchText(search);
  if (!text) return undefined;
  const nmIds = await searchedNmIds(prisma, cabinetId, text);
  return { OR: [{ supplierArticle: { contains: text, mode: 'insensitive' } }, { nmId: { in: nmIds } }] };
}
