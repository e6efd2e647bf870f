'use client';

import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { REQUEST_SYNC } from '../graphql/tables';
import { useCabinet } from '../lib/cabinet-context';
import { formatInstant } from '../lib/format';

type Answer = { text: string } | { retryAt: number };

/**
 * «Синхронизировать сейчас»: the API refuses while one was asked for moments ago, with a reason.
 * A refusal with a wait counts it down live and frees the button when the wait is over.
 */
export function RequestSync() {
  const { cabinetId, viewer } = useCabinet();
  const [state, request] = useMutation(REQUEST_SYNC);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const retryAt = answer && 'retryAt' in answer ? answer.retryAt : null;

  useEffect(() => {
    if (retryAt === null) return;
    const tick = () => {
      const time = Date.now();
      setNow(time);
      if (time >= retryAt) setAnswer(null);
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [retryAt]);

  async function run() {
    const result = (await request({ id: cabinetId })).data?.requestSync;
    if (result?.__typename === 'SyncRequestRejected' && result.retryAfterSeconds) {
      setNow(Date.now());
      setAnswer({ retryAt: Date.now() + result.retryAfterSeconds * 1000 });
    } else
      setAnswer({
        text:
          result?.__typename === 'RequestSyncPayload'
            ? `Синхронизация запрошена, начнётся до ${formatInstant(result.nextSyncAt, viewer.timeZone)}`
            : (result?.message ?? 'Не удалось запросить синхронизацию'),
      });
  }
  const secondsLeft = retryAt === null ? 0 : Math.max(1, Math.ceil((retryAt - now) / 1000));
  return (
    <p>
      <button onClick={() => void run()} disabled={state.fetching || retryAt !== null}>
        Синхронизировать сейчас
      </button>{' '}
      {answer && (
        <span role="status">
          {'text' in answer ? answer.text : `Данные только что обновились. Повторить можно через ${secondsLeft} с.`}
        </span>
      )}
    </p>
  );
}
