'use client';

import { useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { REVIEWS } from '../../../graphql/tables';
import { formatDateTime } from '../../../lib/format';

interface Review {
  id: string;
  createdDate: string;
  rating: number;
  productName: string | null;
  text: string;
  isAnswered: boolean;
}

export default function ReviewsPage() {
  const [negative, setNegative] = useState(false);
  return (
    <DataTable<Review>
      title="Отзывы"
      query={REVIEWS}
      field="reviews"
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
        { label: 'Дата', render: (r) => formatDateTime(r.createdDate) },
        { label: 'Оценка', render: (r) => <span aria-label={`${r.rating} из 5`}>{'★'.repeat(r.rating)}</span> },
        { label: 'Товар', render: (r) => r.productName ?? '—' },
        { label: 'Текст', render: (r) => <span style={{ whiteSpace: 'normal' }}>{r.text || '—'}</span> },
        { label: 'Ответ', render: (r) => (r.isAnswered ? 'Есть' : 'Нет') },
      ]}
    />
  );
}
