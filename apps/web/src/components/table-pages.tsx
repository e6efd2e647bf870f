'use client';

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function pageList(page: number, pages: number): (number | 'gap')[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const numbers = [...shown].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const list: (number | 'gap')[] = [];
  for (const n of numbers) {
    const last = list.at(-1);
    if (typeof last === 'number' && n - last > 1) list.push('gap');
    list.push(n);
  }
  return list;
}

export function Pages({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  return (
    <nav className="pager" aria-label="Страницы">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Назад
      </button>
      <ul className="plain pages">
        {pageList(page, pages).map((n, index) =>
          n === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <button
                type="button"
                className={n === page ? undefined : 'secondary'}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Страница ${n}`}
                onClick={() => onPage(n)}
              >
                {n}
              </button>
            </li>
          ),
        )}
      </ul>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Вперёд
      </button>
    </nav>
  );
}
