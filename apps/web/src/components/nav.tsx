'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { DemoTelegramNavItem } from './demo-telegram-nav-item';

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

const LIST_ID = 'nav-sections';

/**
 * The sections. On a phone (globals.css, ≤ 768 px) the list hides behind «Меню»: a strip of
 * eleven links would leave most of them off-screen. On a wider screen the button is hidden and
 * the list always shows, so `open` has no effect there.
 */
// No prefetch: on first load it would render every section on the server at the very moment
// the page waits for its own data (measured: +0.3 s to the overview's numbers).
export function Nav() {
  const pathname = usePathname();
  // The menu is open on the page it was opened on: choosing a section closes it, as the page
  // under it is what the seller asked for.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      // Focus was in the menu that is now hidden: back to the control that opened it.
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav className="nav" aria-label="Разделы" data-open={open}>
      <div className="nav-bar">
        <p>
          <strong>WB Assist</strong>
        </p>
        <button
          ref={button}
          type="button"
          className="nav-toggle secondary"
          aria-expanded={open}
          aria-controls={LIST_ID}
          onClick={() => setOpen(!open)}
        >
          Меню
        </button>
      </div>
      <ul id={LIST_ID}>
        {ITEMS.map(([href, label]) => (
          <li key={href}>
            <Link
              href={href}
              prefetch={false}
              aria-current={pathname === href ? 'page' : undefined}
              // The current section's link changes no pathname, so it closes the menu itself.
              onClick={() => setOpen(false)}
            >
              {label}
            </Link>
          </li>
        ))}
        <DemoTelegramNavItem onNavigate={() => setOpen(false)} />
      </ul>
    </nav>
  );
}
