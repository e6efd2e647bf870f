'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { REQUEST_SYNC } from '../graphql/tables';
import { useCabinet } from '../lib/cabinet-context';
import { formatInstant } from '../lib/format';

/** «Синхронизировать сейчас»: the API refuses while one was asked for moments ago, with a reason. */
export function RequestSync() {
  const { cabinetId, viewer } = useCabinet();
  const [state, request] = useMutation(REQUEST_SYNC);
  const [answer, setAnswer] = useState<string | null>(null);
  async function run() {
    const result = (await request({ id: cabinetId })).data?.requestSync;
    setAnswer(
      result?.__typename === 'RequestSyncPayload'
        ? `Синхронизация запрошена, начнётся до ${formatInstant(result.nextSyncAt, viewer.timeZone)}`
        : (result?.message ?? 'Не удалось запросить синхронизацию'),
    );
  }
  return (
    <p>
      <button onClick={() => void run()} disabled={state.fetching}>
        Синхронизировать сейчас
      </button>{' '}
      {answer && <span role="status">{answer}</span>}
    </p>
  );
}
