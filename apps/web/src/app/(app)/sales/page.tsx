'use client';

import { DataTable } from '../../../components/data-table';
import { ProductCell } from '../../../components/product-cell';
import { SALES } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant, formatSaleMoney } from '../../../lib/format';
import { useTableState } from '../../../lib/table-state';

export default function SalesPage() {
  const { viewer } = useCabinet();
  const state = useTableState();
  const type = state.get('type') === 'buyout' || state.get('type') === 'return' ? state.get('type') : '';
  return (
    <DataTable
      title="Продажи"
      query={SALES}
      connection={(data) => data.cabinet?.sales}
      defaultSort="DATE"
      defaultDirection="DESC"
      searchable
      exportName="sales"
      empty="Выкупов и возвратов нет"
      filter={type ? { type: type as 'buyout' | 'return' } : undefined}
      filters={
        <label>
          Тип
          <select value={type ?? ''} onChange={(e) => state.update({ type: e.target.value })}>
            <option value="">Все</option>
            <option value="buyout">Выкупы</option>
            <option value="return">Возвраты</option>
          </select>
        </label>
      }
      columns={[
        {
          label: 'Дата',
          sort: 'DATE',
          sortFirst: 'DESC',
          render: (s) => formatInstant(s.saleDate, viewer.timeZone),
        },
        { label: 'Тип', render: (s) => (s.type === 'buyout' ? 'Выкуп' : 'Возврат') },
        {
          label: 'Товар',
          sort: 'ARTICLE',
          render: (s) => (
            <ProductCell
              nmId={s.nmId}
              article={s.supplierArticle}
              title={s.product?.title}
              imageUrl={s.product?.imageUrl}
            />
          ),
        },
        { label: 'Размер', render: (s) => s.techSize },
        { label: 'Склад', render: (s) => s.warehouseName },
        {
          label: 'Цена продавца',
          sort: 'AMOUNT',
          sortFirst: 'DESC',
          render: (s) => formatSaleMoney(s.priceWithDisc),
        },
        {
          label: 'К перечислению',
          sort: 'FOR_PAY',
          sortFirst: 'DESC',
          render: (s) => <span data-testid="for-pay">{formatSaleMoney(s.forPay)}</span>,
        },
      ]}
    />
  );
}
