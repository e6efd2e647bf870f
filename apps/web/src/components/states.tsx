import type { CombinedError } from 'urql';

export function Loading({ label = 'Загрузка…' }: { label?: string }) {
  return (
    <p role="status" aria-busy="true" className="muted">
      {label}
    </p>
  );
}

export function ErrorState({ error }: { error: CombinedError | string }) {
  const text = typeof error === 'string' ? error : error.networkError ? 'Сервер недоступен' : error.message;
  return (
    <p role="alert" className="error">
      Ошибка: {text}
    </p>
  );
}

export function Empty({ text }: { text: string }) {
  return <p className="muted">{text}</p>;
}
