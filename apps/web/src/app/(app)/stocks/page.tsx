'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/data-table';
import { CRITICAL_STOCK_THRESHOLD, STOCKS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';

export default function StocksPage() {
  const { cabinetId } = useCabinet();
  const [{ data }] = useQuery({
    query: CRITICAL_STOCK_THRESHOLD,
    variables: { id: cabinetId },
  });
  const threshold = data?.cabinet?.criticalStockThreshold ?? 2;
  const [critical, setCritical] = useState(false);
  return (
    <DataTable
      title="Остатки"
      query={STOCKS}
      connection={(result) => result.cabinet?.stocks}
      sortLabel="Количество"
      defaultDirection="ASC"
      empty="Остатков нет"
      filter={critical ? { maxQuantity: threshold } : undefined}
      filters={
        <label className="switch">
          <input type="checkbox" checked={critical} onChange={(e) => setCritical(e.target.checked)} />
          Только почти закончившиеся (≤ {threshold} шт. на складе)
        </label>
      }
      columns={[
        { label: 'Артикул', render: (s) => `${s.vendorCode ?? ''} (${s.nmId})` },
        { label: 'Размер', render: (s) => s.techSize ?? '—' },
        { label: 'Склад', render: (s) => s.warehouseName },
        { label: 'Доступно', render: (s) => s.quantity },
        { label: 'К клиенту', render: (s) => s.inWayToClient },
        { label: 'От клиента', render: (s) => s.inWayFromClient },
      ]}
    />
  );
}
