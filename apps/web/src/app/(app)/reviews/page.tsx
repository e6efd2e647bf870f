'use client';

import { AnswerAccessBanner } from '../../../components/answer-access-banner';
import { AnswerBox } from '../../../components/answer-box';
import { AnswerTemplates } from '../../../components/answer-templates';
import { DataTable } from '../../../components/data-table';
import { ProductCell } from '../../../components/product-cell';
import { REVIEWS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';
import { useTableState } from '../../../lib/table-state';
import { useAnswerChanges, useAnswerSetup } from '../../../lib/use-answer-setup';

export default function ReviewsPage() {
  const { viewer } = useCabinet();
  const state = useTableState();
  const negative = state.get('negative') === '1';
  const unanswered = state.get('unanswered') === '1';
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
        defaultSort="DATE"
        defaultDirection="DESC"
        searchable
        exportName="reviews"
        empty="Отзывов нет"
        filter={filter}
        refresh={changes}
        filters={
          <>
            <label className="switch">
              <input
                type="checkbox"
                checked={negative}
                onChange={(e) => state.update({ negative: e.target.checked ? '1' : null })}
              />
              Только негативные (1–3 ★)
            </label>
            <label className="switch">
              <input
                type="checkbox"
                checked={unanswered}
                onChange={(e) => state.update({ unanswered: e.target.checked ? '1' : null })}
              />
              Без ответа
            </label>
          </>
        }
        columns={[
          {
            label: 'Дата',
            sort: 'DATE',
            sortFirst: 'DESC',
            render: (r) => formatInstant(r.createdDate, viewer.timeZone),
          },
          {
            label: 'Оценка',
            sort: 'RATING',
            render: (r) => (
              <span role="img" aria-label={`${r.rating} из 5`}>
                {'★'.repeat(r.rating)}
              </span>
            ),
          },
          {
            label: 'Товар',
            sort: 'ARTICLE',
            render: (r) => (
              <ProductCell
                nmId={r.nmId}
                article={r.supplierArticle}
                title={r.product?.title ?? r.productName}
                imageUrl={r.product?.imageUrl}
              />
            ),
          },
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
