'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import { summary } from '../../../components/live-notifications';
import { Empty, ErrorState, Loading } from '../../../components/states';
import { NOTIFICATIONS, type NotificationNode } from '../../../graphql/notifications';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';
import { TYPE_OPTIONS, typeLabel } from '../../../lib/notification-types';
import { useLiveFeed } from '../../../lib/live-feed';

type TypeFilter = NotificationNode['type'] | '';
type StatusFilter = NotificationNode['status'] | '';

const STATUS: Record<NotificationNode['status'], string> = {
  sent: 'Отправлено',
  pending: 'В очереди',
  failed: 'Ошибка',
  suppressed: 'Выключено',
  held: 'Тихие часы',
};
const PAGE_SIZE = 50;

/** One page of history; the list renders every page loaded so far, newest first. */
function HistoryPage({
  after,
  type,
  status,
  hide,
  last,
  onMore,
}: {
  after: string | null;
  type: TypeFilter;
  status: StatusFilter;
  hide: Set<string>;
  /** Only the last page loaded offers the next one. */
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const filter = { ...(type ? { type } : {}), ...(status ? { status } : {}) };
  const [{ data, fetching, error }] = useQuery({
    query: NOTIFICATIONS,
    variables: { first: PAGE_SIZE, after, filter },
  });
  const connection = data?.viewer?.notifications;
  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  if (!connection) return null;
  if (after === null && connection.edges.length === 0 && hide.size === 0)
    return <Empty text={type || status ? 'Под фильтр ничего не попало' : 'Уведомлений пока нет'} />;
  return (
    <>
      {after === null && (
        <p className="muted" data-testid="history-total">
          Всего: {connection.totalCount}
        </p>
      )}
      <FeedList items={connection.edges.map((edge) => edge.node).filter((n) => !hide.has(n.id))} />
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
          style={{ padding: '6px 0', borderBottom: '1px solid var(--border)' }}
        >
          <strong>{typeLabel(n.type)}</strong> · {summary(n)}
          <br />
          <span className="muted">
            {formatInstant(n.occurredAt, viewer.timeZone)} · {STATUS[n.status] ?? n.status}
            {n.reason ? ` (${n.reason})` : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

export default function NotificationsPage() {
  const live = useLiveFeed();
  const [type, setType] = useState<TypeFilter>('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const shownLive = live.filter((n) => (!type || n.type === type) && (!status || n.status === status));
  // Live items first; a page loaded later may hold some of them already.
  const hide = new Set(shownLive.map((n) => n.id));
  const refilter = (apply: () => void) => {
    apply();
    setCursors([null]);
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
            {Object.entries(STATUS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="card" aria-live="polite" aria-label="Лента уведомлений" data-testid="feed">
        <FeedList items={shownLive} />
        {cursors.map((after, index) => (
          <HistoryPage
            key={`${type}|${status}|${after ?? ''}`}
            after={after}
            type={type}
            status={status}
            hide={hide}
            last={index === cursors.length - 1}
            onMore={(cursor) => setCursors((loaded) => [...loaded.slice(0, index + 1), cursor])}
          />
        ))}
      </section>
    </>
  );
}
