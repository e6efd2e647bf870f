'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const ITEMS = [
  ['/', 'Обзор'],
  ['/orders', 'Заказы'],
  ['/sales', 'Продажи'],
  ['/stocks', 'Остатки'],
  ['/reviews', 'Отзывы'],
  ['/questions', 'Вопросы'],
  ['/notifications', 'Уведомления'],
  ['/settings', 'Настройки'],
  ['/cabinets', 'Кабинеты'],
  ['/sync', 'Синхронизация'],
  ['/monitoring', 'Мониторинг'],
] as const;

// No prefetch: on first load it would render every section on the server at the very moment
// the page waits for its own data (measured: +0.3 s to the overview's numbers).
export function Nav() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Разделы">
      <p>
        <strong>WB Assist</strong>
      </p>
      <ul>
        {ITEMS.map(([href, label]) => (
          <li key={href}>
            <Link href={href} prefetch={false} aria-current={pathname === href ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
