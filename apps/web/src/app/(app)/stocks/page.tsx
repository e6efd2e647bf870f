'use client';

import { useState } from 'react';
import { useQuery } from 'urql';
import { DataTable } from '../../../components/data-table';
import { STOCKS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';

const THRESHOLD = 'query Threshold($id: ID!) { cabinet(id: $id) { id criticalStockThreshold } }';

interface Stock {
  id: string;
  nmId: number;
  vendorCode: string | null;
  warehouseName: string;
  techSize: string | null;
  quantity: number;
  inWayToClient: number;
  inWayFromClient: number;
}

export default function StocksPage() {
  const { cabinetId } = useCabinet();
  const [{ data }] = useQuery<{ cabinet: { criticalStockThreshold: number } | null }>({
    query: THRESHOLD,
    variables: { id: cabinetId },
  });
  const threshold = data?.cabinet?.criticalStockThreshold ?? 2;
  const [critical, setCritical] = useState(false);
  return (
    <DataTable<Stock>
      title="Остатки"
      query={STOCKS}
      field="stocks"
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
