'use client';

import { createClient as createWsClient } from 'graphql-ws';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, stringifyDocument, subscriptionExchange } from 'urql';
import { graphql, type ResultOf } from '../graphql/graphql';
// First client module of every page: zod is told not to try eval before anything parses.
import './zod-jitless';

const SOCKET_TOKEN = graphql(`
  mutation SocketToken {
    createSocketToken {
      __typename
      ... on SocketToken {
        token
      }
    }
  }
`);

/** The session cookie authenticates HTTP; the socket gets a short-lived token asked for over HTTP. */
async function socketToken(httpUrl: string): Promise<string | undefined> {
  const response = await fetch(httpUrl, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: stringifyDocument(SOCKET_TOKEN) }),
  });
  const body = (await response.json()) as { data?: ResultOf<typeof SOCKET_TOKEN> };
  const answer = body.data?.createSocketToken;
  return answer?.__typename === 'SocketToken' ? answer.token : undefined;
}

export function makeClient(apiUrl: string): Client {
  const httpUrl = `${apiUrl.replace(/\/$/, '')}/graphql`;
  const wsUrl = httpUrl.replace(/^http/, 'ws');
  const ws =
    typeof window === 'undefined'
      ? null
      : createWsClient({
          url: wsUrl,
          lazy: true,
          retryAttempts: 20,
          connectionParams: async () => ({ token: await socketToken(httpUrl) }),
        });
  return new Client({
    url: httpUrl,
    // urql sends queries as GET: the API refuses a GET without this header (CSRF prevention),
    // since a page on another site could send that GET with the cookie; it cannot add a header.
    fetchOptions: { credentials: 'include', headers: { 'x-graphql-yoga-csrf': '1' } },
    // Lists change under the user's eyes (sync, live feed): prefer fresh data over a stale cache.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      ...(ws
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => ({
                  unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
                }),
              }),
            }),
          ]
        : []),
    ],
  });
}

const SessionChanged = createContext<() => void>(() => {});

/**
 * Call after a login or logout, before navigating. The cache holds answers given to the previous
 * session (a `viewer: null` from the visit that led to /login): served first, it would send the
 * freshly signed-in user back to /login. The socket too was authenticated as the previous
 * session. A new client starts with neither.
 */
export const useSessionChanged = () => useContext(SessionChanged);

export function UrqlProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const [client, setClient] = useState(() => makeClient(apiUrl));
  const sessionChanged = useCallback(() => setClient(makeClient(apiUrl)), [apiUrl]);
  return (
    <SessionChanged.Provider value={sessionChanged}>
      <Provider value={client}>{children}</Provider>
    </SessionChanged.Provider>
  );
}
