'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { REVIEWS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';

export default function ReviewsPage() {
  const { viewer } = useCabinet();
  const [negative, setNegative] = useState(false);
  return (
    <DataTable
      title="Отзывы"
      query={REVIEWS}
      connection={(data) => data.cabinet?.reviews}
      sortLabel="Дата"
      defaultDirection="DESC"
      empty="Отзывов нет"
      filter={negative ? { maxRating: 3 } : undefined}
      filters={
        <label className="switch">
          <input type="checkbox" checked={negative} onChange={(e) => setNegative(e.target.checked)} />
          Только негативные (1–3 ★)
        </label>
      }
      columns={[
        { label: 'Дата', render: (r) => formatInstant(r.createdDate, viewer.timeZone) },
        { label: 'Оценка', render: (r) => <span aria-label={`${r.rating} из 5`}>{'★'.repeat(r.rating)}</span> },
        { label: 'Товар', render: (r) => r.productName ?? '—' },
        { label: 'Текст', render: (r) => <span style={{ whiteSpace: 'normal' }}>{r.text || '—'}</span> },
        { label: 'Ответ', render: (r) => (r.isAnswered ? 'Есть' : 'Нет') },
      ]}
    />
  );
}
