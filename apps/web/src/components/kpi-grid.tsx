import { formatInteger } from '@wb-assist/domain';
import type { DailyStat } from '../graphql/overview';
import { compareChange, type Better, type Kind } from '../lib/compare-change';
import { formatRubles } from '../lib/format';
import { periods, totals, type Totals } from '../lib/kpis';

const METRICS: { key: keyof Totals; label: string; kind: Kind; better: Better }[] = [
  { key: 'orders', label: 'Заказы', kind: 'count', better: 'higher' },
  { key: 'orderedAmount', label: 'Заказано на', kind: 'money', better: 'higher' },
  { key: 'buyouts', label: 'Выкупы', kind: 'count', better: 'higher' },
  { key: 'cancellations', label: 'Отмены', kind: 'count', better: 'lower' },
  { key: 'returns', label: 'Возвраты', kind: 'count', better: 'lower' },
  { key: 'revenue', label: 'Выручка', kind: 'money', better: 'higher' },
  { key: 'buyoutRate', label: '% выкупа', kind: 'rate', better: 'higher' },
];

function shown(value: number | null, kind: Kind): string {
  if (value === null) return '—';
  if (kind === 'money') return formatRubles(value);
  if (kind === 'rate') return `${(value * 100).toFixed(0)} %`;
  return formatInteger(value);
}

/**
 * `yesterdaySoFar` is yesterday counted up to the time the data was asked for: today is
 * compared with it, not with the whole of yesterday.
 */
export function KpiGrid({
  days,
  yesterdaySoFar,
  today,
  day,
}: {
  days: DailyStat[];
  yesterdaySoFar: DailyStat[];
  today: string;
  /** A past day to show first (the morning summary's «Подробнее»). */
  day?: string;
}) {
  return (
    <>
      {periods(today, day).map((period) => {
        const now = totals(days, ...period.current);
        const before = totals(period.sameHours ? yesterdaySoFar : days, ...period.previous);
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
                const change = compareChange({ now: value, before: before[metric.key], ...metric });
                return (
                  <div key={metric.key} className="kpi" data-metric={metric.key} data-value={value ?? ''}>
                    <span className="muted">{metric.label}</span>
                    {/* Element Timing: the browser records when these numbers were painted (bench/web-overview.ts). */}
                    <b {...{ elementtiming: `kpi-${period.key}-${metric.key}` }}>{shown(value, metric.kind)}</b>
                    <span className={change.tone} data-tone={change.tone} data-change title={change.reason}>
                      {change.text}
                    </span>
                  </div>
                );
              })}
            </div>
            <p className="muted small">Изменение {period.against}</p>
          </section>
        );
      })}
    </>
  );
}
