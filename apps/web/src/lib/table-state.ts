'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';

type Changes = Record<string, string | null>;

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
  const current = params.toString();
  // The router updates the address a moment after the click: until then the change shows from
  // here, or a checkbox would spring back unchecked in between.
  const [pending, setPending] = useState<{ from: string; changes: Changes } | null>(null);
  const overrides = pending?.from === current ? pending.changes : null;
  const get = useCallback(
    (name: string) => (overrides && name in overrides ? overrides[name] || null : params.get(name)),
    [overrides, params],
  );
  const update = useCallback(
    (changes: Changes, how: 'push' | 'replace' = 'push') => {
      // Anything but a page change starts again at the first page.
      const all: Changes = { ...overrides, ...changes, ...(!('page' in changes) && { page: null }) };
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(all)) {
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
      }
      setPending({ from: current, changes: all });
      const query = next.toString();
      router[how](query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [current, overrides, pathname, router],
  );
  return { get, update };
}
