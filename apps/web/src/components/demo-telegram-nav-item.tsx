'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from 'urql';
import { LOGIN_OPTIONS } from '../graphql/session';

/**
 * The nav's «Telegram (демо)» entry: a list item shown only on the demo (the API's
 * loginOptions.demo), for nav.tsx to place among its items.
 */
export function DemoTelegramNavItem({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const [{ data }] = useQuery({ query: LOGIN_OPTIONS });
  if (!data?.loginOptions.demo) return null;
  return (
    <li>
      <Link
        href="/telegram"
        prefetch={false}
        aria-current={pathname === '/telegram' ? 'page' : undefined}
        onClick={onNavigate}
      >
        Telegram (демо)
      </Link>
    </li>
  );
}
