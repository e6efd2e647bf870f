'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { countNoun } from '@wb-assist/domain';
import { OVERVIEW, overviewVariables, sameDays, type OverviewData } from '../graphql/overview';
import { KpiGrid } from './kpi-grid';
import { Empty, ErrorState, Loading } from './states';
import { useCabinet } from '../lib/cabinet-context';
import { formatInstant, formatRubles } from '../lib/format';

const ORDER_FORMS = ['заказ', 'заказа', 'заказов'] as const;

// The chart library is the heaviest dependency: fetch it after the numbers are on screen.
const OrdersChart = dynamic(() => import('./orders-chart'), {
  ssr: false,
  loading: () => <Loading label="Загрузка графика…" />,
});

interface Initial {
  variables: ReturnType<typeof overviewVariables>;
  data: OverviewData;
}

export function OverviewView({ initial }: { initial?: Initial }) {
  const { cabinetId, setCabinetId, viewer } = useCabinet();
  // «Подробнее» under a morning summary opens /?cabinet=<id>&day=YYYY-MM-DD: that cabinet, and
  // that day's figures first. Read once in the browser, so switching cabinets later is not undone.
  const [linkedDay, setLinkedDay] = useState<string>();
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const day = params.get('day');
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) setLinkedDay(day);
    const linked = params.get('cabinet');
    if (linked && viewer.cabinets.some((member) => member.cabinet.id === linked)) setCabinetId(linked);
  }, []);
  const variables = useMemo(() => overviewVariables(cabinetId, viewer.timeZone), [cabinetId, viewer.timeZone]);
  const today = variables.to;
  const [result] = useQuery({ query: OVERVIEW, variables, pause: typeof window === 'undefined' });
  // The server's answer stands in until the browser's own arrives (same cabinet and days only).
  const seeded = initial && sameDays(initial.variables, variables) ? initial.data : undefined;
  const data = result.data ?? seeded;
  if (result.error && !data) return <ErrorState error={result.error} />;
  if (!data) return <Loading />;
  const cabinet = data.cabinet;
  if (!cabinet) return <Empty text="Кабинет не найден" />;
  const last30 = cabinet.dailyStats.filter((day) => day.date >= variables.monthFrom);

  return (
    <>
      <h1>{cabinet.name}</h1>
      <p className="muted" data-testid="last-sync">
        Последняя синхронизация: {formatInstant(cabinet.lastSyncAt, viewer.timeZone)}
      </p>
      <KpiGrid days={cabinet.dailyStats} yesterdaySoFar={cabinet.yesterdaySoFar} today={today} day={linkedDay} />
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">Заказы и выкупы за 30 дней</h2>
        <OrdersChart days={last30} />
      </section>
      <div className="grid">
        <section className="card" aria-labelledby="products-title">
          <h2 id="products-title">Топ товаров за 30 дней</h2>
          {cabinet.topProducts.length === 0 && <Empty text="Заказов за 30 дней нет" />}
          <ol className="plain" data-testid="top-products">
            {cabinet.topProducts.map((product) => (
              <li key={product.nmId} className="product" data-nm-id={product.nmId} data-orders={product.orders}>
                {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" /> : <span />}
                <span>
                  {product.title ?? product.vendorCode}
                  <br />
                  <span className="muted">
                    {product.vendorCode} · {countNoun(product.orders, ORDER_FORMS)} ·{' '}
                    {formatRubles(product.orderedAmount)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="stocks-title">
          <h2 id="stocks-title">Критические остатки</h2>
          <p className="muted">Не больше {cabinet.criticalStockThreshold} шт. на всех складах</p>
          {cabinet.criticalStocks.length === 0 && <Empty text="Критических остатков нет" />}
          <ul data-testid="critical-stocks">
            {cabinet.criticalStocks.map((stock) => (
              <li key={`${stock.nmId}:${stock.techSize ?? ''}`}>
                {stock.title ?? stock.vendorCode ?? stock.nmId} {stock.techSize ? `(${stock.techSize})` : ''}:{' '}
                <b>{stock.available} шт.</b>
              </li>
            ))}
          </ul>
          <Link href="/stocks">Все остатки</Link>
        </section>
        <section className="card" aria-labelledby="reviews-title">
          <h2 id="reviews-title">Негативные отзывы</h2>
          {cabinet.reviews.edges.length === 0 && <Empty text="Негативных отзывов нет" />}
          <ul>
            {cabinet.reviews.edges.map(({ node }) => (
              <li key={node.id}>
                <span aria-label={`Оценка ${node.rating} из 5`}>{'★'.repeat(node.rating)}</span> {node.productName}:{' '}
                {node.text || '—'}
              </li>
            ))}
          </ul>
          <Link href="/reviews">Все отзывы</Link>
        </section>
      </div>
    </>
  );
}
