'use client';

import { useEffect } from 'react';
import { useQuery } from 'urql';
import { ErrorState, Loading } from '../../../components/states';
import { MONITORING, type HealthStatus } from '../../../graphql/monitoring';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';

const REFRESH_MS = 15_000;
const BADGE: Record<HealthStatus, string> = {
  ok: 'работает',
  degraded: 'с перебоями',
  down: 'не работает',
  unknown: 'нет данных',
};
const CABINET_STATUS: Record<string, string> = {
  initial_sync: 'первичная синхронизация',
  ready: 'активен',
  key_invalid: 'ключ WB не действует',
  paused: 'на паузе',
};

/** Health at a glance, refreshed every 15 s: the same answers /readyz and /metrics give an operator. */
export default function MonitoringPage() {
  const { viewer } = useCabinet();
  const [{ data, fetching, error }, refresh] = useQuery({ query: MONITORING });
  useEffect(() => {
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (error && !data) return <ErrorState error={error} />;
  if (fetching && !data) return <Loading />;
  const monitoring = data?.monitoring;
  if (!monitoring) return <ErrorState error="Нет данных мониторинга: войдите заново." />;
  const zone = viewer.timeZone;

  return (
    <>
      <h1>Мониторинг</h1>
      <p className="muted">
        Проверено {formatInstant(monitoring.checkedAt, zone)}; обновляется каждые {REFRESH_MS / 1000} с.
      </p>
      <section className="card" aria-labelledby="components-title">
        <h2 id="components-title">Компоненты</h2>
        <ul className="plain" data-testid="components">
          {monitoring.components.map((component) => (
            <li key={component.name} data-component={component.name} data-status={component.status}>
              <span className={`dot ${component.status}`} aria-hidden="true" /> <strong>{component.title}</strong>:{' '}
              {BADGE[component.status]}. {component.detail}
              {component.latencyMs !== null && <span className="muted"> ({component.latencyMs} мс)</span>}
            </li>
          ))}
        </ul>
      </section>
      {monitoring.cabinets.map((row) => (
        <section className="card" key={row.cabinet.id} aria-label={`Кабинет ${row.cabinet.name}`}>
          <h2>{row.cabinet.name}</h2>
          <dl className="facts">
            <dt>Статус</dt>
            <dd>
              {CABINET_STATUS[row.cabinet.status] ?? row.cabinet.status}
              {row.cabinet.statusReason ? ` (${row.cabinet.statusReason})` : ''}
            </dd>
            <dt>Последняя синхронизация</dt>
            <dd>
              {formatInstant(row.cabinet.lastSyncAt, zone)}
              {row.lastSyncDurationMs !== null && `, ${(row.lastSyncDurationMs / 1000).toFixed(1)} с`}
            </dd>
            <dt>Следующая</dt>
            <dd>{formatInstant(row.cabinet.nextSyncAt, zone)}</dd>
            <dt>Синхронизаций за сутки</dt>
            <dd data-testid="syncs-day">
              {row.syncsLastDay}, с ошибками: {row.failedSyncsLastDay}
            </dd>
            <dt>Ваши уведомления за сутки</dt>
            <dd>
              отправлено {row.sentNotificationsLastDay}, ошибок {row.failedNotificationsLastDay}, последнее{' '}
              {formatInstant(row.lastNotificationSentAt, zone)}
            </dd>
            <dt>В очереди</dt>
            <dd>
              {row.pendingNotifications}
              {row.oldestPendingAt && ` (самое старое с ${formatInstant(row.oldestPendingAt, zone)})`}
            </dd>
          </dl>
        </section>
      ))}
    </>
  );
}
