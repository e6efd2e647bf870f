'use client';

import { useState } from 'react';
import { createRequest, useClient } from 'urql';
import { CRITICAL_STOCK_THRESHOLD } from '../graphql/tables';

export type ExportName = 'orders' | 'sales' | 'stocks' | 'reviews';

/**
 * «Скачать CSV / XLSX»: the API's export route (apps/api/src/export) writes every row the
 * table's filters, search and sort select, not just this page. The file is made on the server
 * and streamed, so the XLSX library never enters the dashboard's JavaScript; it is fetched with
 * the session cookie from this page (the route checks the Origin) and saved from memory.
 */
export function TableExport({ name, variables }: { name: ExportName; variables: object }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setProblem(null);
    try {
      // The API's address as the urql client was given it (its /graphql URL).
      const graphqlUrl = client.createRequestOperation('query', createRequest(CRITICAL_STOCK_THRESHOLD, { id: '' }))
        .context.url;
      const url = new URL(`/export/${name}.${format}`, graphqlUrl);
      url.searchParams.set('variables', JSON.stringify(variables));
      const response = await fetch(url, { credentials: 'include' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `ответ ${response.status}`);
      }
      const file = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = file;
      link.download =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `${name}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(file), 10_000);
    } catch (error) {
      setProblem(`Не удалось выгрузить: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export" role="group" aria-label="Выгрузка">
      <button type="button" className="secondary" disabled={busy} onClick={() => void download('csv')}>
        Скачать CSV
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => void download('xlsx')}>
        Скачать XLSX
      </button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </div>
  );
}
