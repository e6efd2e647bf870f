'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import { LOGIN_WITH_TELEGRAM, type LoginResult } from '../graphql/session';

type TelegramUser = Record<string, string | number>;
declare global {
  interface Window {
    onTelegramAuth?: (user: TelegramUser) => void;
  }
}

/** Telegram's own login widget (a script it serves); its signed data goes to loginWithTelegram. */
export function TelegramWidget({ botUsername, onError }: { botUsername: string; onError: (m: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [, login] = useMutation<{ loginWithTelegram: LoginResult }>(LOGIN_WITH_TELEGRAM);

  useEffect(() => {
    window.onTelegramAuth = (user) => {
      const data = Object.fromEntries(Object.entries(user).map(([key, value]) => [key, String(value)]));
      void login({ data }).then((result) => {
        const payload = result.data?.loginWithTelegram;
        if (payload?.__typename === 'LoginPayload') router.replace('/');
        else onError(payload?.message ?? 'Не удалось войти через Telegram');
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
  }, [botUsername, login, router, onError]);

  return <div ref={box} aria-label="Войти через Telegram" />;
}
