import { stringifyDocument } from '@urql/core';
import { cookies } from 'next/headers';
import type { TadaDocumentNode } from '../graphql/graphql';

// Server side only (next/headers): imported by server components, never by client ones.

/** The API's session cookie (apps/api/src/auth/cookies.ts). */
const SESSION_COOKIE = 'wba_session';
/** Which cabinet the shell shows; the client keeps it in step (lib/chosen-cabinet.ts). */
export const CABINET_COOKIE = 'wb_cabinet';

/**
 * A GraphQL query made by the dashboard's server on the user's behalf, so a page's first HTML
 * already holds its numbers. Only an optimisation: without a session cookie this server can see
 * (the API on another host), or when the API is slow or down, it answers null and the page
 * loads its data in the browser as before.
 */
export async function serverQuery<Data, Variables>(
  query: TadaDocumentNode<Data, Variables>,
  ...[variables]: Variables extends Record<string, never> ? [] : [Variables]
): Promise<Data | null> {
  const jar = await cookies();
  const session = jar.get(SESSION_COOKIE)?.value;
  if (!session) return null;
  const apiUrl = (process.env.INTERNAL_API_URL ?? process.env.PUBLIC_API_URL ?? 'http://localhost:4000').replace(
    /\/$/,
    '',
  );
  try {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${encodeURIComponent(session)}` },
      // A gql.tada document is a parsed AST: urql's printer gives its text back.
      body: JSON.stringify({ query: stringifyDocument(query), variables: variables ?? {} }),
      cache: 'no-store',
      signal: AbortSignal.timeout(1_500),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    return body.errors?.length ? null : (body.data ?? null);
  } catch {
    return null;
  }
}

export async function chosenCabinetCookie(): Promise<string | undefined> {
  return (await cookies()).get(CABINET_COOKIE)?.value;
}
