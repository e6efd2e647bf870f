'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import type { VariablesOf } from '../graphql/graphql';
import { LOGIN_WITH_TELEGRAM } from '../graphql/session';
import { useSessionChanged } from '../lib/urql-provider';

type TelegramUser = Record<string, string | number>;
type TelegramLogin = VariablesOf<typeof LOGIN_WITH_TELEGRAM>['data'];
declare global {
  interface Window {
    onTelegramAuth?: (user: TelegramUser) => void;
  }
}

/** Telegram's own login widget (a script it serves); its signed data goes to loginWithTelegram. */
export function TelegramWidget({ botUsername, onError }: { botUsername: string; onError: (m: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const sessionChanged = useSessionChanged();
  const [, login] = useMutation(LOGIN_WITH_TELEGRAM);

  useEffect(() => {
    window.onTelegramAuth = (user) => {
      // Telegram's widget always sends the id, auth_date and hash it signs; the API checks them.
      const data = Object.fromEntries(
        Object.entries(user).map(([key, value]) => [key, String(value)]),
      ) as TelegramLogin;
      void login({ data }).then((result) => {
        const payload = result.data?.loginWithTelegram;
        if (payload?.__typename === 'LoginPayload') {
          sessionChanged();
          router.replace('/');
        } else onError(payload?.message ?? 'Не удалось войти через Telegram');
      });
    };
    const script = document.createElement('script');
    script.src = 'https://telegram.org/js/telegram-widget.js?22';
    script.async = true;
    script.setAttribute('data-telegram-login', botUsername);
    script.setAttribute('data-size', 'large');
    script.setAttribute('data-onauth', 'onTelegramAuth(user)');
    script.setAttribute('data-request-access', 'write');
    const container = box.current;
    container?.appendChild(script);
    return () => {
      container?.replaceChildren();
      delete window.onTelegramAuth;
    };
  }, [botUsername, login, router, onError, sessionChanged]);

  return <div ref={box} aria-label="Войти через Telegram" />;
}
