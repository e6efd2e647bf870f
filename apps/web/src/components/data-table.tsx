'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { TadaDocumentNode } from '../graphql/graphql';
import { useCabinet } from '../lib/cabinet-context';
import { formatCount } from '../lib/format';
import { useTableState } from '../lib/table-state';
import { Pages } from './table-pages';
import { TableExport, type ExportName } from './table-export';
import { Empty, ErrorState, Loading } from './states';

type Direction = 'ASC' | 'DESC';

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
  /** The API's sort value for this column: its header becomes a button that sorts by it. */
  sort?: string;
  /** The direction a first click sorts in (amounts and dates: largest, newest first). */
  sortFirst?: Direction;
}
interface Connection<T> {
  totalCount: number;
  edges: { node: T }[];
}
/** The variables every table query takes (graphql/tables.ts); only the filter's and sort's types differ. */
interface TableVariables<Filter, Sort> {
  id: string;
  first?: number | null;
  offset?: number | null;
  direction?: Direction | null;
  sort?: Sort | null;
  search?: string | null;
  filter?: Filter | null;
}

export const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 400;

/**
 * A server-side table over one connection of the chosen cabinet: the server sorts by the
 * column whose header was clicked, searches, filters and pages by number. Sort, search and page
 * live in the address (lib/table-state.ts), so a reload or a shared link shows the same rows.
 */
export function DataTable<Data, Node extends { id: string }, Filter, Sort extends string = string>(props: {
  title: string;
  query: TadaDocumentNode<Data, TableVariables<Filter, Sort>>;
  /** Where the query's result holds the table's connection. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  columns: Column<Node>[];
  defaultSort: Sort;
  defaultDirection: Direction;
  filter?: Filter;
  filters?: ReactNode;
  /** A search box over article, nmId and product name (the API's `search`). */
  searchable?: boolean;
  /** The export this table offers: every filtered row, as CSV or XLSX. */
  exportName?: ExportName;
  empty: string;
  /** A number that grows when rows changed elsewhere (a live event): the page is read again. */
  refresh?: number;
}) {
  const { cabinetId } = useCabinet();
  const state = useTableState();
  // A sort the address names but no column offers (an old or edited link) falls back to the default.
  const named = state.get('sort');
  const sort = (props.columns.some((column) => column.sort === named) ? named : props.defaultSort) as Sort;
  const direction: Direction =
    state.get('dir') === 'asc' ? 'ASC' : state.get('dir') === 'desc' ? 'DESC' : props.defaultDirection;
  const search = state.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(state.get('page'))) || 1);
  const shared = { id: cabinetId, direction, sort, filter: props.filter, ...(props.searchable && { search }) };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: props.query,
    variables: { ...shared, first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  });
  useEffect(() => {
    if (props.refresh) reexecute({ requestPolicy: 'network-only' });
  }, [props.refresh, reexecute]);
  const connection = data && props.connection(data);
  const pages = connection ? Math.max(1, Math.ceil(connection.totalCount / PAGE_SIZE)) : 1;

  const sortBy = (column: Column<Node>) => {
    const next = column.sort === sort ? (direction === 'ASC' ? 'DESC' : 'ASC') : (column.sortFirst ?? 'ASC');
    state.update({ sort: column.sort === props.defaultSort ? null : column.sort!, dir: next.toLowerCase() });
  };

  return (
    <>
      <h1>{props.title}</h1>
      <div className="filters">
        {props.searchable && <SearchBox value={search} onSearch={(q) => state.update({ q }, 'replace')} />}
        {props.filters}
        {props.exportName && <TableExport name={props.exportName} variables={shared} />}
      </div>
      {error && <ErrorState error={error} />}
      {fetching && !connection && <Loading />}
      {connection && connection.edges.length === 0 && <Empty text={props.empty} />}
      {connection && connection.edges.length > 0 && (
        // Focusable and named: a table wider than the screen scrolls in here, by keyboard too.
        <div className="card table-wrap" tabIndex={0} role="region" aria-label={props.title}>
          <table aria-busy={fetching} className="cards">
            <caption className="muted" data-testid="table-total">
              Всего: {formatCount(connection.totalCount)}
            </caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    aria-sort={
                      !column.sort
                        ? undefined
                        : column.sort !== sort
                          ? 'none'
                          : direction === 'ASC'
                            ? 'ascending'
                            : 'descending'
                    }
                  >
                    {column.sort ? (
                      <button type="button" onClick={() => sortBy(column)}>
                        {column.label}
                        <span aria-hidden="true">
                          {column.sort === sort ? (direction === 'ASC' ? ' ↑' : ' ↓') : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  {props.columns.map((column) => (
                    // data-label heads each value when a row becomes a card on a phone (globals.css).
                    <td key={column.label} data-label={column.label}>
                      {column.render(node)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <Pages page={page} pages={pages} onPage={(n) => state.update({ page: n === 1 ? null : String(n) })} />
        </div>
      )}
    </>
  );
}

/** The search box: typing waits a moment before asking the server, so each letter is not a query. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  // The address changed under it (back button, a link): show what is searched now.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <label className="search">
      Поиск по артикулу или названию
      <input
        type="search"
        name="q"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="арт. продавца, арт. WB, название"
      />
    </label>
  );
}
