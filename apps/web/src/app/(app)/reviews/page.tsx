'use client';

import { useState } from 'react';
import { AnswerAccessBanner } from '../../../components/answer-access-banner';
import { AnswerBox } from '../../../components/answer-box';
import { AnswerTemplates } from '../../../components/answer-templates';
import { DataTable } from '../../../components/data-table';
import { REVIEWS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';
import { useAnswerChanges, useAnswerSetup } from '../../../lib/use-answer-setup';

export default function ReviewsPage() {
  const { viewer } = useCabinet();
  const [negative, setNegative] = useState(false);
  const [unanswered, setUnanswered] = useState(false);
  const setup = useAnswerSetup();
  const changes = useAnswerChanges();
  const filter =
    negative || unanswered ? { maxRating: negative ? 3 : null, answered: unanswered ? false : null } : undefined;
  return (
    <>
      <AnswerAccessBanner problem={setup.problem} />
      <DataTable
        title="Отзывы"
        query={REVIEWS}
        connection={(data) => data.cabinet?.reviews}
        sortLabel="Дата"
        defaultDirection="DESC"
        empty="Отзывов нет"
        filter={filter}
        refresh={changes}
        filters={
          <>
            <label className="switch">
              <input type="checkbox" checked={negative} onChange={(e) => setNegative(e.target.checked)} />
              Только негативные (1–3 ★)
            </label>
            <label className="switch">
              <input type="checkbox" checked={unanswered} onChange={(e) => setUnanswered(e.target.checked)} />
              Без ответа
            </label>
          </>
        }
        columns={[
          { label: 'Дата', render: (r) => formatInstant(r.createdDate, viewer.timeZone) },
          { label: 'Оценка', render: (r) => <span aria-label={`${r.rating} из 5`}>{'★'.repeat(r.rating)}</span> },
          { label: 'Товар', render: (r) => r.productName ?? '—' },
          {
            label: 'Текст',
            render: (r) => (
              <span className="wrap">
                {r.userName && <strong>{r.userName}: </strong>}
                {[r.text, r.pros && `Достоинства: ${r.pros}`, r.cons && `Недостатки: ${r.cons}`]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </span>
            ),
          },
          {
            label: 'Ответ',
            render: (r) => (
              <AnswerBox
                target={{
                  kind: 'review',
                  targetId: r.reviewId,
                  buyerName: r.userName,
                  productName: r.productName,
                  isAnswered: r.isAnswered,
                  answerText: r.answerText,
                  answer: r.answer,
                }}
                canWrite={setup.canWrite}
                templates={setup.templates}
                onKeyProblem={setup.onKeyProblem}
              />
            ),
          },
        ]}
      />
      <AnswerTemplates templates={setup.templates} onChanged={setup.reloadTemplates} />
    </>
  );
}
