'use client';

import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { summary } from '../../../components/live-notifications';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { CABINET_NOTIFICATIONS, type NotificationNode } from '../../../graphql/notifications';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';
import { STATUS_LABELS, statusText, type NotificationStatus } from '../../../lib/notification-status';
import { TYPE_OPTIONS, typeLabel } from '../../../lib/notification-types';
import { useLiveFeed } from '../../../lib/live-feed';

type TypeFilter = NotificationNode['type'] | '';
type StatusFilter = NotificationStatus | '';

const PAGE_SIZE = 50;
/** The API's largest page: the first page grows by the arrivals up to it. */
const MAX_PAGE = 100;
/** How often a page with messages still in the queue asks for their outcome. */
const PENDING_POLL_MS = 2_000;

/**
 * One page of the chosen cabinet's history, read again whenever a new notification of the
 * cabinet arrives (`refresh`) and, while any of its rows is still queued, every few seconds:
 * statuses and the total stay what notification_history says.
 */
function HistoryPage({
  after,
  first,
  type,
  status,
  refresh,
  last,
  onMore,
}: {
  after: string | null;
  first: number;
  type: TypeFilter;
  status: StatusFilter;
  refresh: string;
  /** Only the last page loaded offers the next one. */
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { cabinetId } = useCabinet();
  const filter = { ...(type ? { type } : {}), ...(status ? { status } : {}) };
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CABINET_NOTIFICATIONS,
    variables: { id: cabinetId, first, after, filter },
  });
  const connection = data?.cabinet?.notifications;
  const nodes = connection?.edges.map((edge) => edge.node) ?? [];
  const pending = nodes.some((n) => n.status === 'pending');
  useEffect(() => {
    if (refresh) reexecute({ requestPolicy: 'network-only' });
  }, [refresh, reexecute]);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => reexecute({ requestPolicy: 'network-only' }), PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, reexecute]);
  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  if (!connection) return null;
  if (after === null && nodes.length === 0)
    return <Empty text={type || status ? 'Под фильтр ничего не попало' : 'Уведомлений пока нет'} />;
  return (
    <>
      {after === null && (
        <p className="muted" data-testid="history-total">
          Всего: {connection.totalCount}
        </p>
      )}
      <FeedList items={nodes} />
      {last && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
        <button className="secondary" onClick={() => onMore(connection.pageInfo.endCursor!)}>
          Показать ещё
        </button>
      )}
    </>
  );
}

function FeedList({ items }: { items: NotificationNode[] }) {
  const { viewer } = useCabinet();
  return (
    <ol className="plain">
      {items.map((n) => (
        <li
          key={n.id}
          data-notification-id={n.id}
          data-type={n.type}
          data-status={n.status}
          style={{ padding: '6px 0', borderBottom: '1px solid var(--border)' }}
        >
          <strong>{typeLabel(n.type)}</strong> · <span data-testid="notification-product">{summary(n)}</span>
          <br />
          <span className="muted">
            {formatInstant(n.occurredAt, viewer.timeZone)} ·{' '}
            <span data-testid="notification-status">{statusText(n)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export default function NotificationsPage() {
  const { cabinetId } = useCabinet();
  // Only the chosen cabinet's: the socket carries every cabinet of the user.
  const arrived = useLiveFeed().filter((n) => n.cabinetId === cabinetId);
  const newest = arrived[0]?.id ?? '';
  const [type, setType] = useState<TypeFilter>('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // The newest arrival when the list was started: later ones push rows down, and the first
  // page grows by them so that none falls between it and the next page's cursor.
  const [baseline, setBaseline] = useState(newest);
  const [shownFor, setShownFor] = useState(cabinetId);
  if (shownFor !== cabinetId) {
    setShownFor(cabinetId);
    setCursors([null]);
    setBaseline(newest);
  }
  const since = arrived.findIndex((n) => n.id === baseline);
  const arrivals = since === -1 ? arrived.length : since;
  const refilter = (apply: () => void) => {
    apply();
    setCursors([null]);
    setBaseline(newest);
  };

  return (
    <>
      <h1>Уведомления</h1>
      <div className="filters">
        <label>
          Тип
          <select value={type} onChange={(e) => refilter(() => setType(e.target.value as TypeFilter))}>
            <option value="">Все</option>
            {TYPE_OPTIONS.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Статус
          <select value={status} onChange={(e) => refilter(() => setStatus(e.target.value as StatusFilter))}>
            <option value="">Все</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="card" aria-live="polite" aria-label="Лента уведомлений" data-testid="feed">
        {cursors.map((after, index) => (
          <HistoryPage
            key={`${cabinetId}|${type}|${status}|${after ?? ''}`}
            after={after}
            first={index === 0 ? Math.min(MAX_PAGE, PAGE_SIZE + arrivals) : PAGE_SIZE}
            type={type}
            status={status}
            refresh={newest}
            last={index === cursors.length - 1}
            onMore={(cursor) => setCursors((loaded) => [...loaded.slice(0, index + 1), cursor])}
          />
        ))}
      </section>
    </>
  );
}
