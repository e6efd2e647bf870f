'use client';

import { DataTable } from '../../../components/data-table';
import { ProductCell } from '../../../components/product-cell';
import { ORDERS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant, formatRubles } from '../../../lib/format';
import { useTableState } from '../../../lib/table-state';

export default function OrdersPage() {
  const { viewer } = useCabinet();
  const state = useTableState();
  const status = state.get('status') ?? '';
  return (
    <DataTable
      title="Заказы"
      query={ORDERS}
      connection={(data) => data.cabinet?.orders}
      defaultSort="DATE"
      defaultDirection="DESC"
      searchable
      exportName="orders"
      empty="Заказов нет"
      filter={status ? { cancelled: status === 'cancelled' } : undefined}
      filters={
        <label>
          Статус
          <select value={status} onChange={(e) => state.update({ status: e.target.value })}>
            <option value="">Все</option>
            <option value="active">Активные</option>
            <option value="cancelled">Отменённые</option>
          </select>
        </label>
      }
      columns={[
        {
          label: 'Дата',
          sort: 'DATE',
          sortFirst: 'DESC',
          render: (o) => formatInstant(o.orderDate, viewer.timeZone),
        },
        {
          label: 'Товар',
          sort: 'ARTICLE',
          render: (o) => (
            <ProductCell
              nmId={o.nmId}
              article={o.supplierArticle}
              title={o.product?.title}
              imageUrl={o.product?.imageUrl}
            />
          ),
        },
        { label: 'Размер', render: (o) => o.techSize },
        { label: 'Склад', render: (o) => o.warehouseName },
        { label: 'Регион', render: (o) => o.regionName ?? '—' },
        {
          label: 'Цена продавца',
          sort: 'AMOUNT',
          sortFirst: 'DESC',
          render: (o) => formatRubles(o.priceWithDisc),
        },
        { label: 'Статус', render: (o) => (o.isCancel ? 'Отменён' : 'Активен') },
      ]}
    />
  );
}
