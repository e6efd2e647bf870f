'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ORDERS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant, formatRubles } from '../../../lib/format';

export default function OrdersPage() {
  const { viewer } = useCabinet();
  const [cancelled, setCancelled] = useState('');
  return (
    <DataTable
      title="Заказы"
      query={ORDERS}
      connection={(data) => data.cabinet?.orders}
      sortLabel="Дата"
      defaultDirection="DESC"
      empty="Заказов нет"
      filter={cancelled ? { cancelled: cancelled === 'yes' } : undefined}
      filters={
        <label>
          Статус
          <select value={cancelled} onChange={(e) => setCancelled(e.target.value)}>
            <option value="">Все</option>
            <option value="no">Активные</option>
            <option value="yes">Отменённые</option>
          </select>
        </label>
      }
      columns={[
        { label: 'Дата', render: (o) => formatInstant(o.orderDate, viewer.timeZone) },
        { label: 'Артикул', render: (o) => `${o.supplierArticle} (${o.nmId})` },
        { label: 'Размер', render: (o) => o.techSize },
        { label: 'Склад', render: (o) => o.warehouseName },
        { label: 'Регион', render: (o) => o.regionName ?? '—' },
        { label: 'Цена продавца', render: (o) => formatRubles(o.priceWithDisc) },
        { label: 'Статус', render: (o) => (o.isCancel ? 'Отменён' : 'Активен') },
      ]}
    />
  );
}
