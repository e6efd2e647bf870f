import { formatInteger } from '@wb-assist/domain';
import type { DailyStat } from '../graphql/overview';
import { formatRubles } from '../lib/format';
import { periods, totals, type Totals } from '../lib/kpis';

const METRICS: { key: keyof Totals; label: string; money?: boolean; rate?: boolean }[] = [
  { key: 'orders', label: 'Заказы' },
  { key: 'buyouts', label: 'Выкупы' },
  { key: 'cancellations', label: 'Отмены' },
  { key: 'returns', label: 'Возвраты' },
  { key: 'revenue', label: 'Выручка', money: true },
  { key: 'buyoutRate', label: '% выкупа', rate: true },
];

function Change({ now, before }: { now: number | null; before: number | null }) {
  if (now === null || before === null || before === 0) return <span className="muted">—</span>;
  const change = ((now - before) / Math.abs(before)) * 100;
  const sign = change > 0 ? '+' : '';
  return <span className={change >= 0 ? 'up' : 'down'}>{`${sign}${change.toFixed(0)} %`}</span>;
}

export function KpiGrid({ days, today, day }: { days: DailyStat[]; today: string; day?: string }) {
  return (
    <>
      {periods(today, day).map((period) => {
        const now = totals(days, ...period.current);
        const before = totals(days, ...period.previous);
        return (
          <section
            key={period.key}
            className="card"
            aria-labelledby={`kpi-${period.key}`}
            data-testid={`kpi-${period.key}`}
          >
            <h2 id={`kpi-${period.key}`}>{period.label}</h2>
            <div className="kpis">
              {METRICS.map((metric) => {
                const value = now[metric.key];
                const shown =
                  value === null
                    ? '—'
                    : metric.money
                      ? formatRubles(value)
                      : metric.rate
                        ? `${(value * 100).toFixed(0)} %`
                        : formatInteger(value);
                return (
                  <div key={metric.key} className="kpi" data-metric={metric.key} data-value={value ?? ''}>
                    <span className="muted">{metric.label}</span>
                    {/* Element Timing: the browser records when these numbers were painted (bench/web-overview.ts). */}
                    <b {...{ elementtiming: `kpi-${period.key}-${metric.key}` }}>{shown}</b>
                    <Change now={value} before={before[metric.key]} />
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </>
  );
}
