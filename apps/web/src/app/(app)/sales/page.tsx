'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { SALES } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant, formatRubles } from '../../../lib/format';

export default function SalesPage() {
  const { viewer } = useCabinet();
  const [type, setType] = useState<'' | 'buyout' | 'return'>('');
  return (
    <DataTable
      title="Продажи"
      query={SALES}
      connection={(data) => data.cabinet?.sales}
      sortLabel="Дата"
      defaultDirection="DESC"
      empty="Выкупов и возвратов нет"
      filter={type ? { type } : undefined}
      filters={
        <label>
          Тип
          <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="">Все</option>
            <option value="buyout">Выкупы</option>
            <option value="return">Возвраты</option>
          </select>
        </label>
      }
      columns={[
        { label: 'Дата', render: (s) => formatInstant(s.saleDate, viewer.timeZone) },
        { label: 'Тип', render: (s) => (s.type === 'buyout' ? 'Выкуп' : 'Возврат') },
        { label: 'Артикул', render: (s) => `${s.supplierArticle} (${s.nmId})` },
        { label: 'Размер', render: (s) => s.techSize },
        { label: 'Склад', render: (s) => s.warehouseName },
        { label: 'Цена продавца', render: (s) => formatRubles(s.priceWithDisc) },
        { label: 'К перечислению', render: (s) => formatRubles(s.forPay) },
      ]}
    />
  );
}
