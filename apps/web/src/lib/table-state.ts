'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/**
 * A table's state (filters, sort, search, page) lives in the address, so a reload or a shared
 * link shows the same rows. A change the user makes on purpose (a sort, a page, a filter) is a
 * history entry the back button undoes; typing a search replaces the entry instead, so «Назад»
 * does not step through it letter by letter.
 */
export function useTableState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const get = useCallback((name: string) => params.get(name), [params]);
  const update = useCallback(
    (changes: Record<string, string | null>, how: 'push' | 'replace' = 'push') => {
      const next = new URLSearchParams(params.toString());
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
      }
      // Anything but a page change starts again at the first page.
      if (!('page' in changes)) next.delete('page');
      const query = next.toString();
      router[how](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { get, update };
}
