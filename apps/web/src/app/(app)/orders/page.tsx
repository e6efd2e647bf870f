'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { ORDERS } from '../../../graphql/tables';
import { formatDateTime, formatMoney } from '../../../lib/format';

interface Order {
  id: string;
  orderDate: string;
  nmId: number;
  supplierArticle: string;
  techSize: string;
  warehouseName: string;
  regionName: string | null;
  priceWithDisc: string;
  isCancel: boolean;
}

export default function OrdersPage() {
  const [cancelled, setCancelled] = useState('');
  return (
    <DataTable<Order>
      title="Заказы"
      query={ORDERS}
      field="orders"
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
        { label: 'Дата', render: (o) => formatDateTime(o.orderDate) },
        { label: 'Артикул', render: (o) => `${o.supplierArticle} (${o.nmId})` },
        { label: 'Размер', render: (o) => o.techSize },
        { label: 'Склад', render: (o) => o.warehouseName },
        { label: 'Регион', render: (o) => o.regionName ?? '—' },
        { label: 'Цена', render: (o) => formatMoney(o.priceWithDisc) },
        { label: 'Статус', render: (o) => (o.isCancel ? 'Отменён' : 'Активен') },
      ]}
    />
  );
}
