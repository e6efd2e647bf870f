'use client';

import { AnswerAccessBanner } from '../../../components/answer-access-banner';
import { AnswerBox } from '../../../components/answer-box';
import { AnswerTemplates } from '../../../components/answer-templates';
import { DataTable } from '../../../components/data-table';
import { QUESTIONS } from '../../../graphql/tables';
import { useCabinet } from '../../../lib/cabinet-context';
import { formatInstant } from '../../../lib/format';
import { useTableState } from '../../../lib/table-state';
import { useAnswerChanges, useAnswerSetup } from '../../../lib/use-answer-setup';

export default function QuestionsPage() {
  const { viewer } = useCabinet();
  const state = useTableState();
  const unanswered = state.get('unanswered') === '1';
  const setup = useAnswerSetup();
  const changes = useAnswerChanges();
  return (
    <>
      <AnswerAccessBanner problem={setup.problem} />
      <DataTable
        title="Вопросы"
        query={QUESTIONS}
        connection={(data) => data.cabinet?.questions}
        defaultSort="DATE"
        defaultDirection="DESC"
        empty="Вопросов нет"
        filter={unanswered ? { answered: false } : undefined}
        refresh={changes}
        filters={
          <label className="switch">
            <input
              type="checkbox"
              checked={unanswered}
              onChange={(e) => state.update({ unanswered: e.target.checked ? '1' : null })}
            />
            Без ответа
          </label>
        }
        columns={[
          {
            label: 'Дата',
            sort: 'DATE',
            sortFirst: 'DESC',
            render: (q) => formatInstant(q.createdDate, viewer.timeZone),
          },
          { label: 'Товар', render: (q) => q.productName ?? q.supplierArticle ?? '—' },
          { label: 'Вопрос', render: (q) => <span className="wrap">{q.text || '—'}</span> },
          {
            label: 'Ответ',
            render: (q) => (
              <AnswerBox
                target={{
                  kind: 'question',
                  targetId: q.questionId,
                  buyerName: null,
                  productName: q.productName,
                  isAnswered: q.isAnswered,
                  answerText: q.answerText,
                  answer: q.answer,
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
