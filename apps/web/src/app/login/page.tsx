'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { DEMO_LOGIN, LOGIN_OPTIONS } from '../../graphql/session';
import { ErrorState, Loading } from '../../components/states';
import { TelegramWidget } from '../../components/telegram-widget';
import { useSessionChanged } from '../../lib/urql-provider';

export default function LoginPage() {
  const router = useRouter();
  const sessionChanged = useSessionChanged();
  const [{ data, fetching, error }] = useQuery({ query: LOGIN_OPTIONS });
  const [demo, demoLogin] = useMutation(DEMO_LOGIN);
  const [problem, setProblem] = useState<string | null>(null);

  async function enterDemo() {
    const result = await demoLogin({});
    const payload = result.data?.demoLogin;
    if (payload?.__typename === 'LoginPayload') {
      sessionChanged();
      router.replace('/');
    } else setProblem(payload?.message ?? result.error?.message ?? 'Не удалось войти');
  }

  return (
    <main className="center card">
      <h1>Вход в WB Assist</h1>
      {fetching && !data && <Loading />}
      {error && <ErrorState error={error} />}
      {data?.loginOptions.telegramBotUsername && (
        <TelegramWidget botUsername={data.loginOptions.telegramBotUsername} onError={setProblem} />
      )}
      <p className="muted">Или откройте «Веб-кабинет» в боте: он пришлёт одноразовую ссылку для входа.</p>
      {data?.loginOptions.demo && (
        <button onClick={() => void enterDemo()} disabled={demo.fetching}>
          Войти в демо
        </button>
      )}
      {problem && <ErrorState error={problem} />}
    </main>
  );
}
