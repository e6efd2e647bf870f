'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { TadaDocumentNode } from '../graphql/graphql';
import { useCabinet } from '../lib/cabinet-context';
import { Empty, ErrorState, Loading } from './states';

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
}
interface Connection<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { node: T }[];
}
type Page = { first: number; after?: string | null } | { last: number; before?: string | null };
/** The variables every table query takes (graphql/tables.ts); only the filter's type differs. */
interface TableVariables<Filter> {
  id: string;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  direction?: 'ASC' | 'DESC' | null;
  filter?: Filter | null;
}

const PAGE_SIZE = 25;

/**
 * A server-side table over one relay connection of the chosen cabinet: cursors page it, the
 * direction sorts it by its keyset column, the filter narrows it.
 */
export function DataTable<Data, Node extends { id: string }, Filter>(props: {
  title: string;
  query: TadaDocumentNode<Data, TableVariables<Filter>>;
  /** Where the query's result holds the table's connection. */
  connection: (data: Data) => Connection<Node> | null | undefined;
  columns: Column<Node>[];
  sortLabel: string;
  defaultDirection: 'ASC' | 'DESC';
  filter?: Filter;
  filters?: ReactNode;
  empty: string;
  /** A number that grows when rows changed elsewhere (a live event): the page is read again. */
  refresh?: number;
}) {
  const { cabinetId } = useCabinet();
  const [page, setPage] = useState<Page>({ first: PAGE_SIZE });
  const [direction, setDirection] = useState(props.defaultDirection);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: props.query,
    variables: { id: cabinetId, ...page, direction, filter: props.filter },
  });
  useEffect(() => {
    if (props.refresh) reexecute({ requestPolicy: 'network-only' });
  }, [props.refresh, reexecute]);
  const connection = data && props.connection(data);
  const toggleSort = () => {
    setDirection((d) => (d === 'ASC' ? 'DESC' : 'ASC'));
    setPage({ first: PAGE_SIZE });
  };

  return (
    <>
      <h1>{props.title}</h1>
      <div className="filters">
        {props.filters}
        <button className="secondary" onClick={toggleSort} aria-label={`Сортировка: ${props.sortLabel}`}>
          {props.sortLabel} {direction === 'ASC' ? '↑' : '↓'}
        </button>
      </div>
      {error && <ErrorState error={error} />}
      {fetching && !connection && <Loading />}
      {connection && connection.edges.length === 0 && <Empty text={props.empty} />}
      {connection && connection.edges.length > 0 && (
        <div className="card table-wrap">
          <table aria-busy={fetching}>
            <caption className="muted" style={{ textAlign: 'left' }}>
              Всего: {connection.totalCount}
            </caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  {props.columns.map((column) => (
                    <td key={column.label}>{column.render(node)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Страницы">
            <button
              className="secondary"
              disabled={!connection.pageInfo.hasPreviousPage}
              onClick={() => setPage({ last: PAGE_SIZE, before: connection.pageInfo.startCursor })}
            >
              Назад
            </button>
            <button
              className="secondary"
              disabled={!connection.pageInfo.hasNextPage}
              onClick={() => setPage({ first: PAGE_SIZE, after: connection.pageInfo.endCursor })}
            >
              Вперёд
            </button>
          </nav>
        </div>
      )}
    </>
  );
}
