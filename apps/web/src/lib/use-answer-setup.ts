'use client';

import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { ANSWER_SETUP, BUYER_ANSWER_CHANGED } from '../graphql/answers';
import type { ResultOf } from '../graphql/graphql';
import { useCabinet } from './cabinet-context';

/**
 * What answering needs on a page: whether the key may write (from its claims, or from WB's own
 * refusal of a send), the plain message saying what to change, and the cabinet's templates.
 */
export function useAnswerSetup() {
  const { cabinetId } = useCabinet();
  const [{ data }, refetch] = useQuery({ query: ANSWER_SETUP, variables: { id: cabinetId } });
  // WB's refusal concerns the cabinet it came from, not the next one chosen in the shell.
  const [refused, setRefused] = useState<{ cabinetId: string; message: string } | null>(null);
  const refusal = refused?.cabinetId === cabinetId ? refused.message : null;
  const access = data?.cabinet?.answerAccess;
  return {
    canWrite: (access?.canWrite ?? true) && refusal === null,
    problem: refusal ?? (access && !access.canWrite ? access.message : null),
    templates: data?.cabinet?.answerTemplates ?? [],
    reloadTemplates: () => refetch({ requestPolicy: 'network-only' }),
    onKeyProblem: (message: string) => setRefused({ cabinetId, message }),
  };
}

/** Counts answers sent in the cabinet by anyone since the page opened; a change means re-read the list. */
export function useAnswerChanges(): number {
  const { cabinetId } = useCabinet();
  const [result] = useSubscription<ResultOf<typeof BUYER_ANSWER_CHANGED>, number>(
    { query: BUYER_ANSWER_CHANGED, variables: { id: cabinetId } },
    (count = 0) => count + 1,
  );
  return result.data ?? 0;
}
