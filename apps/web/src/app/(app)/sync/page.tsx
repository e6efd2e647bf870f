'use client';

import { DataTable } from '../../../components/data-table';
import { RequestSync } from '../../../components/request-sync';
import { SYNC_LOGS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';

const KIND: Record<string, string> = { initial: 'Первичная', periodic: 'Плановая', manual: 'Ручная' };
const STATUS: Record<string, string> = { success: 'Успешно', partial: 'Частично', failed: 'Ошибка', running: 'Идёт' };

export default function SyncPage() {
  const { viewer } = useCabinet();
  return (
    <>
      <RequestSync />
      <DataTable
        title="Синхронизация"
        query={SYNC_LOGS}
        connection={(data) => data.cabinet?.syncLogs}
        defaultSort="DATE"
        defaultDirection="DESC"
        empty="Синхронизаций ещё не было"
        columns={[
          {
            label: 'Начало',
            sort: 'DATE',
            sortFirst: 'DESC',
            render: (s) => formatInstant(s.startedAt, viewer.timeZone),
          },
          { label: 'Вид', render: (s) => KIND[s.kind] ?? s.kind },
          { label: 'Статус', render: (s) => STATUS[s.status] ?? s.status },
          {
            label: 'Длительность',
            render: (s) => (s.durationMs === null ? '—' : `${(s.durationMs / 1000).toFixed(1)} с`),
          },
          { label: 'События', render: (s) => s.eventsCreated },
          { label: 'Пропущено строк', render: (s) => s.skippedRows },
          { label: 'Ошибки', render: (s) => (s.errors ? JSON.stringify(s.errors) : '—') },
        ]}
      />
    </>
  );
}
