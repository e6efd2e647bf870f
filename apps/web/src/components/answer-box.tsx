'use client';

import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH, fillAnswerTemplate } from '@wb-assist/domain';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ANSWER_QUESTION, ANSWER_REVIEW, type AnswerTemplateNode, type BuyerAnswerNode } from '../graphql/answers';
import { useCabinet } from '../lib/cabinet-context';
import { formatInstant } from '../lib/format';

/** Codes after which no answer can go out until the key is changed: the page says what to change. */
const KEY_PROBLEMS = new Set(['read_only_key', 'scope_missing', 'key_revoked']);

const SOURCE_LABELS = { telegram: 'в Telegram', web: 'на сайте', api: 'через API', wb: 'в кабинете WB' } as const;

export interface AnswerTarget {
  kind: 'review' | 'question';
  /** WB id of the review or question. */
  targetId: string;
  buyerName: string | null;
  productName: string | null;
  isAnswered: boolean;
  answerText: string | null;
  answer: BuyerAnswerNode | null;
}

/** «Ответил(а) Анна (вы) на сайте 27.11 14:05 МСК», or «Отправляется …» while WB has not replied. */
function byline(answer: BuyerAnswerNode, timeZone: string): string {
  return [
    answer.status === 'sending' ? 'Отправляется' : 'Ответил(а)',
    answer.authorName ?? 'бывший участник',
    answer.isViewer ? '(вы)' : '',
    SOURCE_LABELS[answer.source],
    answer.sentAt ? formatInstant(answer.sentAt, timeZone) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The length rule WB enforces, told before anything is sent. */
export function lengthProblem(text: string): string | null {
  const length = text.trim().length;
  if (length < ANSWER_MIN_LENGTH) return `Ответ слишком короткий: нужно хотя бы ${ANSWER_MIN_LENGTH} символа.`;
  if (length > ANSWER_MAX_LENGTH)
    return `Ответ слишком длинный: ${length} символов, WB принимает не больше ${ANSWER_MAX_LENGTH}.`;
  return null;
}

/**
 * One review's or question's answer, inline in its row: who answered and when, and a box to
 * answer or edit. A refused send keeps the typed text in the box beside WB's reason.
 */
export function AnswerBox(props: {
  target: AnswerTarget;
  canWrite: boolean;
  templates: AnswerTemplateNode[];
  onKeyProblem: (message: string) => void;
}) {
  const { target } = props;
  const { cabinetId, viewer } = useCabinet();
  const [editing, setEditing] = useState<'answer' | 'edit' | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reviewSend, sendReview] = useMutation(ANSWER_REVIEW);
  const [questionSend, sendQuestion] = useMutation(ANSWER_QUESTION);
  const sending = reviewSend.fetching || questionSend.fetching;
  // A failed attempt is not an answer: WB shows what it had before (or nothing).
  const attempt = target.answer;
  const ours = attempt && attempt.status !== 'failed' ? attempt : null;
  const shown = ours?.text ?? target.answerText;
  const answered = target.isAnswered || ours?.status === 'sent';
  const label = target.kind === 'review' ? 'отзыв' : 'вопрос';

  const open = (mode: 'answer' | 'edit') => {
    setEditing(mode);
    setText(mode === 'edit' ? (shown ?? '') : '');
    setProblem(null);
    setNotice(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const tooShortOrLong = lengthProblem(text);
    if (tooShortOrLong) {
      setProblem(tooShortOrLong);
      return;
    }
    setProblem(null);
    const variables = { id: cabinetId, targetId: target.targetId, text: text.trim(), edit: editing === 'edit' };
    const response =
      target.kind === 'review'
        ? (await sendReview(variables)).data?.answerReview
        : (await sendQuestion(variables)).data?.answerQuestion;
    if (!response) {
      setProblem('Сервер недоступен. Текст сохранён, попробуйте ещё раз.');
      return;
    }
    if (response.__typename === 'AnswerPayload') {
      if (response.outcome === 'in_doubt') {
        setNotice('WB не ответил вовремя. Отправьте ещё раз: мы сначала проверим, не дошёл ли ответ.');
        return;
      }
      setEditing(null);
      if (response.outcome === 'already_answered') setNotice('На этот отзыв или вопрос уже ответили.');
      if (response.outcome === 'in_flight') setNotice('Ответ уже отправляется.');
      return;
    }
    if (response.__typename === 'AnswerRefused') {
      setText(response.draftText);
      if (KEY_PROBLEMS.has(response.code)) props.onKeyProblem(response.message);
    }
    setProblem(response.message);
  }

  return (
    <div className="answer" data-testid={`answer-${target.targetId}`} data-answered={answered ? 'yes' : 'no'}>
      {shown && editing !== 'edit' && (
        <>
          <p className="answer-text">{shown}</p>
          <p className="muted answer-meta" data-testid="answer-author">
            {ours && ours.source !== 'wb' ? byline(ours, viewer.timeZone) : 'Ответ дан в кабинете WB'}
          </p>
        </>
      )}
      {!shown && !editing && (
        <p className="muted">
          {attempt?.status === 'failed'
            ? `Без ответа: ответ ${attempt.authorName ?? 'участника'} не был отправлен`
            : 'Без ответа'}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {editing ? (
        <form onSubmit={(e) => void submit(e)} className="answer-form">
          {props.templates.length > 0 && (
            <label>
              Шаблон
              <select
                value=""
                onChange={(e) => {
                  const template = props.templates.find((t) => t.id === e.target.value);
                  if (template) setText(fillAnswerTemplate(template.text, target));
                }}
              >
                <option value="">Вставить шаблон…</option>
                {props.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {editing === 'edit' ? `Новый ответ на ${label}` : `Ответ на ${label}`}
            <textarea
              value={text}
              rows={4}
              maxLength={ANSWER_MAX_LENGTH + 1000}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={problem !== null}
            />
          </label>
          <span className={text.trim().length > ANSWER_MAX_LENGTH ? 'error' : 'muted'}>
            {text.trim().length} / {ANSWER_MAX_LENGTH}
          </span>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <div className="filters">
            <button type="submit" disabled={sending || !props.canWrite}>
              {sending ? 'Отправляем…' : 'Отправить'}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>
              Отмена
            </button>
          </div>
        </form>
      ) : (
        props.canWrite &&
        (!answered ? (
          <button onClick={() => open('answer')}>Ответить</button>
        ) : (
          (ours?.revision ?? 0) === 0 && (
            <button className="secondary" onClick={() => open('edit')}>
              Изменить ответ
            </button>
          )
        ))
      )}
    </div>
  );
}
