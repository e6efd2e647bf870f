'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { SALES } from '../../../graphql/tables';
import { formatDateTime, formatMoney } from '../../../lib/format';

interface Sale {
  id: string;
  saleDate: string;
  type: 'buyout' | 'return';
  nmId: number;
  supplierArticle: string;
  techSize: string;
  warehouseName: string;
  priceWithDisc: string;
  forPay: string;
}

export default function SalesPage() {
  const [type, setType] = useState('');
  return (
    <DataTable<Sale>
      title="Продажи"
      query={SALES}
      field="sales"
      sortLabel="Дата"
      defaultDirection="DESC"
      empty="Выкупов и возвратов нет"
      filter={type ? { type } : undefined}
      filters={
        <label>
          Тип
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Все</option>
            <option value="buyout">Выкупы</option>
            <option value="return">Возвраты</option>
          </select>
        </label>
      }
      columns={[
        { label: 'Дата', render: (s) => formatDateTime(s.saleDate) },
        { label: 'Тип', render: (s) => (s.type === 'buyout' ? 'Выкуп' : 'Возврат') },
        { label: 'Артикул', render: (s) => `${s.supplierArticle} (${s.nmId})` },
        { label: 'Размер', render: (s) => s.techSize },
        { label: 'Склад', render: (s) => s.warehouseName },
        { label: 'Цена', render: (s) => formatMoney(s.priceWithDisc) },
        { label: 'К перечислению', render: (s) => formatMoney(s.forPay) },
      ]}
    />
  );
}
