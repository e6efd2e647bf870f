import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Страница не найдена — WB Assist' };

/** Next.js's own 404 page speaks English; this one is the dashboard's. */
export default function NotFound() {
  return (
    <main className="center card">
      <h1>Страница не найдена</h1>
      <p>Такой страницы в WB Assist нет: возможно, ссылка устарела или в адресе опечатка.</p>
      <Link href="/">На главную</Link>
    </main>
  );
}
