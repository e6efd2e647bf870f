'use client';

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  CREATE_ANSWER_TEMPLATE,
  DELETE_ANSWER_TEMPLATE,
  UPDATE_ANSWER_TEMPLATE,
  type AnswerTemplateNode,
} from '../graphql/answers';
import { useCabinet } from '../lib/cabinet-context';
import { lengthProblem } from './answer-box';

const TITLE_MAX = 100;

/** The cabinet's reply templates, shared by its members: list, add, change, delete. */
export function AnswerTemplates(props: { templates: AnswerTemplateNode[]; onChanged: () => void }) {
  const { cabinetId } = useCabinet();
  const [editing, setEditing] = useState<AnswerTemplateNode | 'new' | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [created, create] = useMutation(CREATE_ANSWER_TEMPLATE);
  const [updated, update] = useMutation(UPDATE_ANSWER_TEMPLATE);
  const [, remove] = useMutation(DELETE_ANSWER_TEMPLATE);
  const saving = created.fetching || updated.fetching;

  const open = (template: AnswerTemplateNode | 'new') => {
    setEditing(template);
    setTitle(template === 'new' ? '' : template.title);
    setText(template === 'new' ? '' : template.text);
    setProblem(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const invalid =
      title.trim().length === 0 || title.trim().length > TITLE_MAX
        ? `Название: от 1 до ${TITLE_MAX} символов.`
        : lengthProblem(text);
    if (invalid) {
      setProblem(invalid);
      return;
    }
    const values = { id: cabinetId, title: title.trim(), text: text.trim() };
    const result =
      editing === 'new'
        ? (await create(values)).data?.createAnswerTemplate
        : (await update({ ...values, templateId: (editing as AnswerTemplateNode).id })).data?.updateAnswerTemplate;
    if (result?.__typename === 'AnswerTemplate') {
      setEditing(null);
      props.onChanged();
    } else setProblem(result?.message ?? 'Не удалось сохранить шаблон. Текст сохранён, попробуйте ещё раз.');
  }

  async function delete_(template: AnswerTemplateNode) {
    if (!window.confirm(`Удалить шаблон «${template.title}»?`)) return;
    const result = (await remove({ id: cabinetId, templateId: template.id })).data?.deleteAnswerTemplate;
    if (result && result.__typename !== 'DeleteAnswerTemplatePayload') setProblem(result.message);
    props.onChanged();
  }

  return (
    <details className="card" data-testid="answer-templates">
      <summary>Шаблоны ответов ({props.templates.length})</summary>
      <p className="muted">
        В тексте можно написать {'{имя}'} — имя покупателя и {'{товар}'} — название товара: при вставке они заполнятся.
      </p>
      <ul className="plain">
        {props.templates.map((template) => (
          <li key={template.id} className="template">
            <strong>{template.title}</strong> <span className="muted">{template.text}</span>{' '}
            <button
              className="secondary"
              onClick={() => open(template)}
              aria-label={`Изменить шаблон ${template.title}`}
            >
              Изменить
            </button>{' '}
            <button
              className="secondary"
              onClick={() => void delete_(template)}
              aria-label={`Удалить шаблон ${template.title}`}
            >
              Удалить
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <form onSubmit={(e) => void save(e)} className="answer-form">
          <label>
            Название шаблона
            <input value={title} maxLength={TITLE_MAX} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Текст шаблона
            <textarea value={text} rows={4} onChange={(e) => setText(e.target.value)} />
          </label>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="filters">
            <button type="submit" disabled={saving}>
              Сохранить шаблон
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Отмена
            </button>
          </div>
        </form>
      ) : (
        <button onClick={() => open('new')}>Новый шаблон</button>
      )}
    </details>
  );
}
