'use client';

import { useState } from 'react';
import { useMutation } from 'urql';
import { REQUEST_SYNC } from '../graphql/tables';
import { useCabinet } from '../lib/cabinet-context';
import { formatDateTime } from '../lib/format';

interface Result {
  __typename: string;
  nextSyncAt?: string;
  message?: string;
}

/** «Синхронизировать сейчас»: the API refuses while one was asked for moments ago, with a reason. */
export function RequestSync() {
  const { cabinetId } = useCabinet();
  const [state, request] = useMutation<{ requestSync: Result }>(REQUEST_SYNC);
  const [answer, setAnswer] = useState<string | null>(null);
  async function run() {
    const result = (await request({ id: cabinetId })).data?.requestSync;
    setAnswer(
      result?.__typename === 'RequestSyncPayload'
        ? `Синхронизация запрошена, начнётся до ${formatDateTime(result.nextSyncAt)}`
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
