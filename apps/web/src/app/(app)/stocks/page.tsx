'use client';

import { useQuery } from 'urql';
import { countNoun } from '@wb-assist/domain';
import { DataTable } from '../../../components/data-table';
import { ProductCell } from '../../../components/product-cell';
import { CRITICAL_STOCK_THRESHOLD, STOCK_SIZES } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatCount, formatDaysOfCover } from '../../../lib/format';
import { useTableState } from '../../../lib/table-state';

const WAREHOUSE_FORMS = ['склад', 'склада', 'складов'] as const;

export default function StocksPage() {
  const { cabinetId } = useCabinet();
  const [{ data }] = useQuery({
    query: CRITICAL_STOCK_THRESHOLD,
    variables: { id: cabinetId },
  });
  const threshold = data?.cabinet?.criticalStockThreshold ?? 2;
  const state = useTableState();
  const critical = state.get('critical') === '1';
  return (
    <DataTable
      title="Остатки"
      query={STOCK_SIZES}
      connection={(result) => result.cabinet?.stockSizes}
      // Scarcest first (critical, then the soonest to run out) until a header says otherwise.
      defaultSort="SCARCITY"
      defaultDirection="ASC"
      searchable
      exportName="stocks"
      empty={critical ? 'Критических остатков нет' : 'Остатков нет'}
      filter={critical ? { critical: true } : undefined}
      filters={
        <label className="switch">
          <input
            type="checkbox"
            checked={critical}
            onChange={(e) => state.update({ critical: e.target.checked ? '1' : null })}
          />
          Только критические (≤ {threshold} шт. на всех складах вместе)
        </label>
      }
      columns={[
        {
          label: 'Товар',
          sort: 'ARTICLE',
          render: (s) => (
            <ProductCell nmId={s.nmId} article={s.vendorCode} title={s.title} imageUrl={s.imageUrl} size={s.techSize} />
          ),
        },
        // WB names a one-size product's size «0».
        { label: 'Размер', render: (s) => (s.techSize && s.techSize !== '0' ? s.techSize : 'без размера') },
        {
          label: 'Доступно',
          sort: 'AVAILABLE',
          render: (s) => (
            <span data-testid="stock-available">
              <b>{formatCount(s.available)} шт.</b>
              {s.critical && <span style={{ color: 'var(--bad)' }}> · критично</span>}
            </span>
          ),
        },
        {
          label: 'Хватит на',
          sort: 'DAYS_OF_COVER',
          render: (s) => <span data-testid="days-of-cover">{formatDaysOfCover(s.daysOfCover)}</span>,
        },
        {
          label: 'Склады',
          render: (s) =>
            s.warehouses.length === 0 ? (
              'нигде нет'
            ) : (
              <details>
                <summary>
                  {s.warehouses.length === 1
                    ? s.warehouses[0]!.warehouseName
                    : countNoun(s.warehouses.length, WAREHOUSE_FORMS)}
                </summary>
                <ul className="plain" data-testid="warehouses">
                  {s.warehouses.map((w) => (
                    <li key={w.warehouseName}>
                      {w.warehouseName}
                      {w.regionName ? ` (${w.regionName})` : ''}: {formatCount(w.quantity)} шт.
                    </li>
                  ))}
                </ul>
              </details>
            ),
        },
        {
          label: 'В пути к / от клиента',
          render: (s) => `${formatCount(s.inWayToClient)} / ${formatCount(s.inWayFromClient)}`,
        },
      ]}
    />
  );
}
