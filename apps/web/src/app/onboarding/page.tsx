'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { useMutation, useSubscription } from 'urql';
import { WB_KEY_HOW_TO } from '@wb-assist/domain';
import { CONNECT_CABINET, SYNC_PROGRESS } from '../../graphql/onboarding';
import type { ResultOf } from '../../graphql/graphql';
import { ErrorState, Loading } from '../../components/states';
import { storeChosenCabinet } from '../../lib/chosen-cabinet';

type Connected = Extract<ResultOf<typeof CONNECT_CABINET>['connectCabinet'], { __typename: 'ConnectCabinetPayload' }>;

const STAGES: Record<string, string> = {
  orders: 'Заказы',
  sales: 'Продажи',
  stocks: 'Остатки',
  reviews: 'Отзывы',
  products: 'Карточки товаров',
  done: 'Готово',
};

function SyncBar({ cabinetId }: { cabinetId: string }) {
  const router = useRouter();
  const [{ data, error }] = useSubscription({ query: SYNC_PROGRESS, variables: { cabinetId } });
  const percent = data?.syncProgress.percent ?? 0;
  useEffect(() => {
    if (percent >= 100) {
      const timer = setTimeout(() => router.replace('/'), 800);
      return () => clearTimeout(timer);
    }
  }, [percent, router]);
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">Загружаем данные из WB</h2>
      <progress max={100} value={percent} aria-labelledby="progress-title" data-testid="sync-progress" />
      <p aria-live="polite" data-testid="sync-percent">
        {percent} % · {STAGES[data?.syncProgress.stage ?? ''] ?? 'Начинаем'}
      </p>
      {error && <ErrorState error={error} />}
    </section>
  );
}

/**
 * Connecting a cabinet, and replacing the key of one (`?replace=<cabinet id>`, the banner's
 * «Заменить ключ»): both go through connectCabinet, which checks the key as for a new cabinet
 * and, for a seller already connected, takes the new key in place of a refused or expiring one.
 */
function Onboarding() {
  const router = useRouter();
  const replacing = useSearchParams().get('replace');
  const [key, setKey] = useState('');
  const [state, connect] = useMutation(CONNECT_CABINET);
  const [problem, setProblem] = useState<string | null>(null);
  const [connected, setConnected] = useState<Connected | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const result = await connect({ key: key.trim() });
    // The key leaves the page's state once sent: it is never shown again.
    setKey('');
    const payload = result.data?.connectCabinet;
    if (payload?.__typename !== 'ConnectCabinetPayload') {
      setProblem(payload?.message ?? result.error?.message ?? 'Не удалось подключить кабинет');
      return;
    }
    // The dashboard opens on the cabinet just connected, not on the one chosen before.
    storeChosenCabinet(payload.cabinet.id);
    // A cabinet already synced (a replaced key, a seller connected before) has no progress to
    // wait for: straight to it, unless there is something to read about the key first.
    const otherSeller = Boolean(replacing) && payload.cabinet.id !== replacing;
    if (payload.cabinet.status === 'ready' && payload.cabinet.answerAccess.canWrite && !otherSeller)
      router.replace('/');
    else setConnected(payload);
  }

  return (
    <main className="center card">
      <h1>{replacing ? 'Замена ключа WB' : 'Подключение кабинета WB'}</h1>
      {connected?.cabinet ? (
        <>
          <p>
            Подключён кабинет <strong>{connected.sellerName}</strong>.
          </p>
          {replacing && connected.cabinet.id !== replacing && (
            <p role="alert" data-testid="other-seller">
              Этот ключ выдан другому продавцу, поэтому он подключён как отдельный кабинет. Ключ прежнего кабинета не
              изменился: для него нужен ключ того же продавца.
            </p>
          )}
          {connected.warnings?.map((warning) => (
            <p key={warning} className="muted">
              {warning}
            </p>
          ))}
          {!connected.cabinet.answerAccess.canWrite && (
            <p className="muted" data-testid="answer-access">
              {connected.cabinet.answerAccess.message}
            </p>
          )}
          {connected.cabinet.status === 'ready' ? (
            <Link href="/">Открыть кабинет</Link>
          ) : (
            <SyncBar cabinetId={connected.cabinet.id} />
          )}
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          {replacing && <p>Новый ключ того же продавца заменит прежний; данные и настройки кабинета сохранятся.</p>}
          <p>Как создать ключ: {WB_KEY_HOW_TO}</p>
          <label htmlFor="wb-key">Токен WB API</label>
          <input
            id="wb-key"
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            required
            style={{ width: '100%', margin: '6px 0 12px' }}
          />
          <button type="submit" disabled={state.fetching || !key.trim()}>
            {state.fetching ? 'Проверяем…' : 'Подключить'}
          </button>
          {problem && <ErrorState error={problem} />}
        </form>
      )}
    </main>
  );
}

export default function OnboardingPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Onboarding />
    </Suspense>
  );
}
