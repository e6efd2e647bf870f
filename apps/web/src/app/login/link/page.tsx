'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { LOGIN_WITH_LINK } from '../../../graphql/session';
import { ErrorState, Loading } from '../../../components/states';
import { useSessionChanged } from '../../../lib/urql-provider';

function LinkLogin() {
  const token = useSearchParams().get('token');
  const router = useRouter();
  const sessionChanged = useSessionChanged();
  const [, login] = useMutation(LOGIN_WITH_LINK);
  const [problem, setProblem] = useState<string | null>(null);
  // The link is one-time: strict mode's double effect must not spend it twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setProblem('В ссылке нет кода входа');
      return;
    }
    void login({ token }).then((result) => {
      const payload = result.data?.loginWithLink;
      if (payload?.__typename === 'LoginPayload') {
        sessionChanged();
        router.replace('/');
      } else setProblem(payload?.message ?? 'Ссылка недействительна или устарела');
    });
  }, [token, login, router, sessionChanged]);

  return problem ? (
    <>
      <ErrorState error={problem} />
      <Link href="/login">Ко входу</Link>
    </>
  ) : (
    <Loading label="Входим…" />
  );
}

export default function LinkLoginPage() {
  return (
    <main className="center card">
      <h1>Вход по ссылке</h1>
      <Suspense fallback={<Loading />}>
        <LinkLogin />
      </Suspense>
    </main>
  );
}
